@echo off
rem culturekit launcher for Windows: runs the culturekit jar with JVM options that make a short run start fast,
rem and keeps everything else as `java -jar culturekit.jar ARGS` does (arguments, streams, exit code).
rem
rem   culturekit report examples\survey.csv
rem
rem The jar:  %CULTUREKIT_JAR%, else culturekit.jar next to this script, else ..\target\culturekit.jar.
rem The java: %JAVA_HOME%\bin\java.exe, else java.exe on the PATH.
rem Extra JVM options: %JAVA_OPTS%, then %CULTUREKIT_JAVA_OPTS%; they come after ours, so they win.
rem
rem The fixed JVM options are in culturekit.jvmopts beside this script, the argument file bin/culturekit (bash)
rem reads too. Like bin/culturekit this script adds -XX:+UseSerialGC unless the options choose a collector, the
rem young generation by the size of the files among the arguments, C1 alone with one compiler thread below
rem 384 MiB of them, and the class-data archive of the build when it is as long as the build said. Unlike it,
rem it does not check that the archive is newer than the jar (the JVM ignores an archive of another jar), lets
rem no Java 19+ make an archive of its own, and reads options with quotes as if they had none.
rem docs/install.md says more.
setlocal EnableExtensions DisableDelayedExpansion

set "here=%~dp0"
set "options=%here%culturekit.jvmopts"
if exist "%options%" goto found_options
>&2 echo culturekit: error: no %options%: install culturekit.jvmopts beside the launcher
exit /b 127
:found_options

set "jar=%CULTUREKIT_JAR%"
if defined jar goto check_jar
set "jar=%here%culturekit.jar"
if exist "%jar%" goto found_jar
set "jar=%here%..\target\culturekit.jar"
if exist "%jar%" goto found_jar
>&2 echo culturekit: error: no culturekit.jar in %here% or %here%..\target: build it with 'mvn -q -DskipTests package'
exit /b 127
:check_jar
if exist "%jar%\*" goto not_a_jar
if exist "%jar%" goto found_jar
:not_a_jar
>&2 echo culturekit: error: CULTUREKIT_JAR: %jar% is not a file
exit /b 127
:found_jar
rem one spelling of the jar's path, as the class-data archive names it
for %%J in ("%jar%") do set "jar=%%~fJ"

if not defined JAVA_HOME goto java_on_path
set "java=%JAVA_HOME%\bin\java.exe"
if exist "%java%" goto found_java
>&2 echo culturekit: error: JAVA_HOME is %JAVA_HOME%, but %java% is not a program
exit /b 127
:java_on_path
set "java="
for %%J in (java.exe) do set "java=%%~$PATH:J"
if defined java goto found_java
>&2 echo culturekit: error: no java on the PATH; install Java 17 or newer, or set JAVA_HOME
exit /b 127
:found_java

rem The user's options, without quotes, between blanks: what :mentions looks for options in.
set "plain= %JAVA_OPTS% %CULTUREKIT_JAVA_OPTS% "
set "plain=%plain:"=%"

rem A second collector would stop the JVM ("conflicting collector combinations"): the user's choice wins.
set "flags="
call :mentions " -XX:+UseSerialGC" " -XX:+UseG1GC" " -XX:+UseParallelGC" " -XX:+UseZGC" " -XX:+UseShenandoahGC" " -XX:+UseEpsilonGC"
if not defined found set "flags=-XX:+UseSerialGC"

rem The files among the arguments, in bytes, counted up to 384 MiB (402653184): the compiler and the heap are
rem sized by them. SET /A counts in 32 bits, so a file of 10 digits or more ends the count.
set /a total=0
:sizes
if "%~1"=="" goto sized
set "size=%~z1"
shift
if not defined size goto sizes
if not "%size:~9%"=="" goto large
set /a total+=size
if %total% geq 402653184 goto large
goto sizes
:large
set /a total=402653184
:sized

rem The young generation: -Xmn64m -XX:SurvivorRatio=3, or from 4 MiB of input -Xmn44m -XX:SurvivorRatio=2.
set "young=64m"
set "survivors=3"
if %total% geq 4194304 set "young=44m"
if %total% geq 4194304 set "survivors=2"
call :mentions " -Xm" " -XX:MaxNewSize" " -XX:NewSize" " -XX:MaxRAM"
if not defined found set "flags=%flags% -Xmn%young%"
call :mentions " -XX:SurvivorRatio"
if not defined found set "flags=%flags% -XX:SurvivorRatio=%survivors%"

rem C1 alone below 384 MiB of input, and then one compiler thread unless the options choose the compilers.
if %total% geq 402653184 goto compilers_chosen
set "flags=%flags% -XX:TieredStopAtLevel=1"
call :mentions " -XX:TieredStopAtLevel" " -XX:+TieredCompilation" " -XX:-TieredCompilation" " -XX:CICompilerCount"
if not defined found set "flags=%flags% -XX:CICompilerCount=1"
:compilers_chosen

rem The build's class-data archive, when it is as long as the build said: a truncated one crashes the JVM.
set "archive_flag="
set "archive=%jar:~0,-4%.jsa"
if not exist "%archive%" goto run
if not exist "%archive%.size" goto run
set "expected="
set /p expected=<"%archive%.size"
for %%A in ("%archive%") do set "actual=%%~zA"
if not "%actual%"=="%expected%" goto run
rem quoted in the value itself: the path may hold blanks
set archive_flag="-XX:SharedArchiveFile=%archive%"

:run
"%java%" "@%options%" %flags% %archive_flag% %JAVA_OPTS% %CULTUREKIT_JAVA_OPTS% -jar "%jar%" %*
exit /b %ERRORLEVEL%

rem :mentions OPTION... sets found when the user's options hold one of them (SET's substitution ignores case).
:mentions
set "found="
:mentions_next
if "%~1"=="" goto :eof
set "probe=%~1"
call set "rest=%%plain:%probe%=%%"
if not "%rest%"=="%plain%" set "found=1"
shift
goto mentions_next
