#!/usr/bin/env python3
"""Writes one small survey (12 scored respondents) as every platform exports it.

Run from this directory:  python3 generate.py
Standard library only; the output is byte-for-byte deterministic (no clock, no randomness).

Every file holds the same 12 respondents with the same answers, so a test can assert that all of them
score identically. Layouts follow shared/real-exports/docs/exports.md; where this script had to choose, the
comment at the writer says so. After writing, verify() reads every file back with the csv module and
fails if a row has the wrong number of fields or if any respondent's answers differ from RESPONDENTS.
"""

import csv
import hashlib
import io
import os
import sys
from datetime import datetime, timedelta
from fractions import Fraction
from statistics import stdev

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------------------------------
# The survey
# ---------------------------------------------------------------------------------------------------

STEM = "Please rate"  # the matrix question holding the three safety statements
VOICE = "I can raise problems without being blamed."
MISTAKES = "Mistakes are held against you here."
HELP = "Asking for help is easy here."
LISTEN = "We listen to what customers tell us."
ENPS = "How likely are you to recommend working here?"
TEAM_Q = "Which team are you in?"
COMMENT_Q = "Anything else you would like to tell us?"  # SurveyMonkey file only; no item reads it

AGREE_ITEMS = ["voice", "mistakes", "help", "listen"]
ITEMS = AGREE_ITEMS + ["enps"]
TEXT = {"voice": VOICE, "mistakes": MISTAKES, "help": HELP, "listen": LISTEN, "enps": ENPS}
REVERSE = {"mistakes"}
INDICES = {"safety": ["voice", "mistakes", "help"], "empathy": ["listen"]}

EN = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
# German agreement labels as a German-language survey shows them (capitalised at the start).
DE = ["Stimme überhaupt nicht zu", "Stimme nicht zu", "Weder noch", "Stimme zu", "Stimme voll und ganz zu"]
NA = "NA"  # marker in RESPONDENTS for the "N/A" answer; None = no answer

# team, voice, mistakes, help, listen, enps  (agree items 1-5, enps 0-10)
RESPONDENTS = [
    ("A", 4, 2, 4, 5, 9),
    ("A", 5, 1, 5, 4, 10),
    ("A", 3, 3, 4, 4, 7),
    ("A", 4, 2, None, 3, 8),     # skipped "help"
    ("A", 2, 4, 3, 3, 6),
    ("B", 4, 2, 4, 4, 8),
    ("B", 3, 3, NA, 4, 7),       # "N/A" on "help"
    ("B", 5, 1, 5, 5, 10),
    ("B", 2, 4, 2, 3, None),     # skipped eNPS
    ("C", 4, None, 4, 4, 9),     # skipped "mistakes"
    ("C", 3, 3, 3, 2, 5),
    ("C", 1, 5, 2, 3, 3),
]
TEAM_CODE = {"A": "AO01", "B": "AO02", "C": "AO03"}  # LimeSurvey answer codes of the team question


def answers(r):
    """{item: value} of respondent r (value int, None or NA)."""
    row = RESPONDENTS[r]
    return dict(zip(ITEMS, row[1:]))


# Times (local, Europe/Berlin): respondent r started at START[r] and took DURATION[r] seconds.
BASE = datetime(2026, 4, 20, 8, 3, 11)
START = [BASE + timedelta(minutes=m, seconds=s) for m, s in [
    (0, 0), (17, 42), (49, 5), (95, 31), (131, 58), (240, 12),
    (302, 47), (1441, 3), (1503, 39), (1627, 20), (1710, 54), (2890, 8)]]
DURATION = [214, 187, 342, 129, 263, 198, 455, 172, 231, 306, 149, 277]
END = [START[r] + timedelta(seconds=DURATION[r]) for r in range(12)]


def rid(prefix, n, alphabet, seed):
    """A deterministic id: prefix + n characters of alphabet derived from sha256(seed)."""
    digest = int.from_bytes(hashlib.sha256(seed.encode()).digest(), "big")
    chars = []
    for _ in range(n):
        digest, i = divmod(digest, len(alphabet))
        chars.append(alphabet[i])
    return prefix + "".join(chars)


ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
QUALTRICS_ID = [rid("R_", 15, ALNUM, "platforms-qualtrics-%d" % r) for r in range(14)]
IP = ["192.0.2.%d" % (10 + 7 * r) for r in range(12)] + ["", "198.51.100.23"]


def ymd(t):
    return t.strftime("%Y-%m-%d %H:%M:%S")


# ---------------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------------

def field(value, delimiter, quote_all=False):
    text = "" if value is None else str(value)
    if quote_all or any(c in text for c in (delimiter, '"', "\r", "\n")):
        return '"' + text.replace('"', '""') + '"'
    return text


def line(values, delimiter=",", quote_all=False):
    return delimiter.join(field(v, delimiter, quote_all) for v in values)


def write(name, text, encoding="utf-8", bom=False):
    data = text.encode(encoding)
    if bom:
        data = ("\ufeff".encode(encoding)) + data
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def label(value, labels=EN, na="N/A"):
    if value is None:
        return ""
    if value == NA:
        return na
    return labels[value - 1]


def number(value):
    return "" if value is None else str(value)


# ---- generic ---------------------------------------------------------------------------------------

GENERIC_HEADER = ["ResponseId", "Team", VOICE, MISTAKES, HELP, LISTEN, ENPS]


def generic_rows(labels):
    rows = []
    for r in range(12):
        a = answers(r)
        rows.append(["r%02d" % (r + 1), RESPONDENTS[r][0]]
                    + [label(a[i], labels) for i in AGREE_ITEMS] + [number(a["enps"])])
    return rows


def write_generic():
    # A hand-made sheet: one header row, labels, UTF-8 without BOM, LF.
    lines = [line(GENERIC_HEADER)] + [line(r) for r in generic_rows(EN)]
    write("generic.csv", "\n".join(lines) + "\n")


def write_generic_de():
    # Excel in a German locale, "CSV UTF-8": semicolons, UTF-8 with BOM, CRLF; German answer labels.
    lines = [line(GENERIC_HEADER, ";")] + [line(r, ";") for r in generic_rows(DE)]
    write("generic-de-semicolon.csv", "\r\n".join(lines) + "\r\n", bom=True)


def write_generic_utf16():
    # Excel "Unicode Text": UTF-16LE with BOM, TAB-separated, CRLF (docs/exports.md section 4).
    lines = [line(GENERIC_HEADER, "\t")] + [line(r, "\t") for r in generic_rows(EN)]
    write("generic-utf16.txt", "\r\n".join(lines) + "\r\n", encoding="utf-16-le", bom=True)


# ---- Qualtrics ---------------------------------------------------------------------------------------

Q_META = [  # export tag, English label, ImportId, time zone?
    ("StartDate", "Start Date", "startDate", True),
    ("EndDate", "End Date", "endDate", True),
    ("Status", "Response Type", "status", False),
    ("IPAddress", "IP Address", "ipAddress", False),
    ("Progress", "Progress", "progress", False),
    ("Duration (in seconds)", "Duration (in seconds)", "duration", False),
    ("Finished", "Finished", "finished", False),
    ("RecordedDate", "Recorded Date", "recordedDate", True),
    ("ResponseId", "Response ID", "_recordId", False),
    ("RecipientLastName", "Recipient Last Name", "recipientLastName", False),
    ("RecipientFirstName", "Recipient First Name", "recipientFirstName", False),
    ("RecipientEmail", "Recipient Email", "recipientEmail", False),
    ("ExternalReference", "External Data Reference", "externalDataReference", False),
    ("LocationLatitude", "Location Latitude", "locationLatitude", False),
    ("LocationLongitude", "Location Longitude", "locationLongitude", False),
    ("DistributionChannel", "Distribution Channel", "distributionChannel", False),
    ("UserLanguage", "User Language", "userLanguage", False),
]
Q_ITEMS = [  # export tag, row-2 text, ImportId, item
    ("Q1_1", STEM + " - " + VOICE, "QID1_1", "voice"),
    ("Q1_2", STEM + " - " + MISTAKES, "QID1_2", "mistakes"),
    ("Q1_3", STEM + " - " + HELP, "QID1_3", "help"),
    ("Q2", LISTEN, "QID2", "listen"),
    ("Q3", ENPS, "QID3", "enps"),
]
TZ = "Europe/Berlin"
PREVIEW, PARTIAL = 12, 13  # the two extra Qualtrics rows
EXTRA_START = {PREVIEW: datetime(2026, 4, 17, 16, 40, 2), PARTIAL: datetime(2026, 4, 21, 11, 12, 9)}


def import_id(name, zone):
    if zone:
        return '{"ImportId":"%s","timeZone":"%s"}' % (name, TZ)
    return '{"ImportId":"%s"}' % name


def qualtrics_rows(numeric):
    """Data rows (12 respondents, then the preview and the partial row) of the current layout."""
    rows = []
    for r in range(14):
        if r < 12:
            a, team = answers(r), RESPONDENTS[r][0]
            start, end = START[r], END[r]
            recorded, progress, finished = end, 100, True
            status, channel = "IP Address", "anonymous"
        elif r == PREVIEW:
            # the survey owner's own preview: complete, but not a respondent
            a, team = {"voice": 5, "mistakes": 1, "help": 5, "listen": 5, "enps": 10}, "A"
            start = EXTRA_START[r]
            end = recorded = start + timedelta(seconds=95)
            progress, finished, status, channel = 100, True, "Survey Preview", "preview"
        else:
            # abandoned after the matrix; Qualtrics closed it a week later ("Finished" False)
            a = {"voice": 2, "mistakes": 5, "help": 1, "listen": None, "enps": None}
            team = None
            start = EXTRA_START[r]
            end = start + timedelta(seconds=41)
            recorded = start + timedelta(days=7)
            progress, finished, status, channel = 40, False, "IP Address", "anonymous"
        if numeric:
            status_cell = "1" if status == "Survey Preview" else "0"
            finished_cell = "1" if finished else "0"
        else:
            status_cell = status
            finished_cell = "True" if finished else "False"
        meta = [ymd(start), ymd(end), status_cell, IP[r], progress, int((end - start).total_seconds()),
                finished_cell, ymd(recorded), QUALTRICS_ID[r], "", "", "", "",
                "" if status == "Survey Preview" else "52.5196",
                "" if status == "Survey Preview" else "13.4069", channel, "EN"]
        cells = []
        for _, _, _, item in Q_ITEMS:
            v = a[item]
            seen = r != PARTIAL or item in ("voice", "mistakes", "help")
            if numeric:
                # recode values; N/A is the 6th column of the matrix (Qualtrics' default recode 6);
                # "seen but unanswered" recoded to -99 (export option seenUnansweredRecode)
                cells.append("6" if v == NA else ("-99" if v is None and seen else number(v)))
            elif item == "enps":
                cells.append(number(v))
            else:
                cells.append(label(v))
        if numeric:
            # embedded data "Team", set from the link's URL parameter when the session starts, so the
            # abandoned session has it too
            cells.append("C" if r == PARTIAL else team)
        else:
            cells.append(team or "")  # Q4, a multiple-choice question whose choices are A, B, C
        rows.append(meta + cells)
    # Qualtrics lists responses by RecordedDate: the preview first, the partial (closed a week later) last
    return sorted(rows, key=lambda row: row[7])


def write_qualtrics():
    # Current layout, "Use choice text": 3 header rows, UTF-8 without BOM, LF.
    head1 = [m[0] for m in Q_META] + [q[0] for q in Q_ITEMS] + ["Q4"]
    head2 = [m[1] for m in Q_META] + [q[1] for q in Q_ITEMS] + [TEAM_Q]
    head3 = [import_id(m[2], m[3]) for m in Q_META] + [import_id(q[2], False) for q in Q_ITEMS] \
        + [import_id("QID4", False)]
    lines = [line(head1), line(head2), line(head3)] + [line(r) for r in qualtrics_rows(False)]
    write("qualtrics.csv", "\n".join(lines) + "\n")


def write_qualtrics_numeric():
    # Current layout, "Use numeric values"; the team comes from the contact list as embedded data
    # "Team" (text), which Qualtrics puts after the questions with the field name in all three rows.
    head1 = [m[0] for m in Q_META] + [q[0] for q in Q_ITEMS] + ["Team"]
    head2 = [m[1] for m in Q_META] + [q[1] for q in Q_ITEMS] + ["Team"]
    head3 = [import_id(m[2], m[3]) for m in Q_META] + [import_id(q[2], False) for q in Q_ITEMS] \
        + [import_id("Team", False)]
    lines = [line(head1), line(head2), line(head3)] + [line(r) for r in qualtrics_rows(True)]
    write("qualtrics-numeric.csv", "\n".join(lines) + "\n")


def write_qualtrics_legacy():
    # Legacy exporter (pre-2017): row 1 V1..V10 + question ids, row 2 metadata names + question text;
    # matrix statements as "Question-Statement" (no spaces, as in QualtricsTools' *(Legacy).csv);
    # Location* columns last; every line ends with a comma; UTF-8 BOM; CRLF. Status stays numeric
    # (0 = respondent, 1 = preview); answers as choice text ("Use choice text").
    head1 = ["V%d" % i for i in range(1, 11)] + ["Q1_1", "Q1_2", "Q1_3", "Q2", "Q3", "Q4",
                                                 "LocationLatitude", "LocationLongitude", "LocationAccuracy", ""]
    head2 = ["ResponseID", "ResponseSet", "Name", "ExternalDataReference", "EmailAddress", "IPAddress",
             "Status", "StartDate", "EndDate", "Finished",
             STEM + "-" + VOICE, STEM + "-" + MISTAKES, STEM + "-" + HELP, LISTEN, ENPS, TEAM_Q,
             "LocationLatitude", "LocationLongitude", "LocationAccuracy", ""]
    rows = []
    for q in qualtrics_rows(False):
        meta = dict(zip([m[0] for m in Q_META], q[:17]))
        status = "1" if meta["Status"] == "Survey Preview" else "0"
        finished = "1" if meta["Finished"] == "True" else "0"
        lat, lon = meta["LocationLatitude"], meta["LocationLongitude"]
        rows.append([meta["ResponseId"], "Default Response Set", "Anonymous", "", "", meta["IPAddress"], status,
                     meta["StartDate"], meta["EndDate"], finished] + q[17:]
                    + [lat, lon, "-1" if lat else "", ""])
    lines = [line(head1), line(head2)] + [line(r) for r in rows]
    write("qualtrics-legacy.csv", "\r\n".join(lines) + "\r\n", bom=True)


# ---- SurveyMonkey ---------------------------------------------------------------------------------

SM_META = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
           "First Name", "Last Name", "Custom Data 1"]
SM_ID = [11930000000 + 4817 * (r + 1) + (r * r * 37) % 1000 for r in range(12)]
SM_COMMENTS = {1: "More time for retrospectives, please.", 10: "Our on-call rota needs a rethink."}


def sm_date(t):
    return t.strftime("%m/%d/%Y %I:%M:%S %p")


def write_surveymonkey():
    # "All individual responses", Columns: Expanded, Cells: Actual Answer Text. Two header rows; the
    # matrix question text only over its first column; a NUL in a row-2 metadata cell and a
    # non-breaking space / padding inside sub-labels (the 2017 file); CRLF; newest response first.
    head1 = SM_META + [TEAM_Q, STEM, "", "", LISTEN, ENPS, COMMENT_Q]
    head2 = ["\x00"] + [""] * (len(SM_META) - 1) + [
        "Response", VOICE, MISTAKES.replace("against you here", "against you\u00a0here"), HELP + "   ",
        "Response", "Response", "Open-Ended Response"]
    rows = []
    for r in sorted(range(12), key=lambda r: START[r], reverse=True):
        a = answers(r)
        rows.append([SM_ID[r], 431876502, sm_date(START[r]), sm_date(END[r]), IP[r], "", "", "", "",
                     RESPONDENTS[r][0]] + [label(a[i]) for i in AGREE_ITEMS] + [number(a["enps"]),
                                                                              SM_COMMENTS.get(r, "")])
    lines = [line(head1), line(head2)] + [line(r) for r in rows]
    write("surveymonkey.csv", "\r\n".join(lines) + "\r\n")


# ---- Google Forms -----------------------------------------------------------------------------------

def gf_date(t):
    return "%d/%d/%d %d:%02d:%02d" % (t.month, t.day, t.year, t.hour, t.minute, t.second)


def write_google_forms():
    # Linked Sheet -> Download -> CSV: Timestamp (submission time, M/D/YYYY H:MM:SS) + titles, the grid
    # as "Question [Row]"; oldest first; CRLF record ends; no BOM.
    head = ["Timestamp", TEAM_Q] + ["%s [%s]" % (STEM, t) for t in (VOICE, MISTAKES, HELP)] + [LISTEN, ENPS]
    rows = []
    for r in range(12):
        a = answers(r)
        rows.append([gf_date(END[r]), RESPONDENTS[r][0]] + [label(a[i]) for i in AGREE_ITEMS]
                    + [number(a["enps"])])
    lines = [line(head)] + [line(r) for r in rows]
    write("google-forms.csv", "\r\n".join(lines) + "\r\n")


# ---- LimeSurvey --------------------------------------------------------------------------------------

LS_HEAD = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp",
           "TEAM", "SAFE[SQ001]", "SAFE[SQ002]", "SAFE[SQ003]", "LISTEN", "ENPS"]
NULL = object()  # a database NULL: LimeSurvey writes it as an empty, unquoted field


def ls_line(values):
    return ";".join("" if v is NULL else field(v, ";", quote_all=True) for v in values)


def limesurvey_rows(codes):
    rows = []
    for r in range(12):
        a = answers(r)
        if codes:
            agree = ["AO06" if a[i] == NA else ("" if a[i] is None else "AO%02d" % a[i]) for i in AGREE_ITEMS]
            team = TEAM_CODE[RESPONDENTS[r][0]]
        else:
            agree = [label(a[i]) for i in AGREE_ITEMS]
            team = RESPONDENTS[r][0]
        seed = rid("", 9, "0123456789", "ls-seed-%d" % r).lstrip("0") or "7"
        rows.append([r + 1, ymd(END[r]), 3, "en", seed, ymd(START[r]), ymd(END[r]), team] + agree
                    + [number(a["enps"])])
    # partial: left on page 1 (team + matrix answered), submitdate NULL, later questions never saved
    start = datetime(2026, 4, 22, 10, 41, 51)  # after respondent 12: ids follow start order
    rows.append([13, NULL, 1, "en", "518204377", ymd(start), ymd(start + timedelta(seconds=58)),
                 TEAM_CODE["C"] if codes else "C"]
                + (["AO02", "AO04", "AO01"] if codes else [EN[1], EN[3], EN[0]]) + [NULL, NULL])
    return rows


def write_limesurvey(name, codes):
    # CsvWriter: UTF-8 BOM, ';', every value quoted, NULL unquoted, CRLF + one extra CRLF at close.
    # Code headings; "Full answers" (codes=False) or "Answer codes" (codes=True). The team list
    # question has LimeSurvey's default answer codes AO01..AO03 (text A, B, C), the array's N/A
    # column the code AO06; ENPS is a numerical-input question (its value is the number).
    lines = [ls_line(LS_HEAD)] + [ls_line(r) for r in limesurvey_rows(codes)]
    write(name, "\r\n".join(lines) + "\r\n" + "\r\n", bom=True)


# ---- Alchemer -----------------------------------------------------------------------------------------

AL_META = ["Response ID", "Time Started", "Date Submitted", "Status", "Contact ID", "Legacy Comments",
           "Comments", "Language", "Referer", "SessionID", "User Agent", "Extended Referer", "Longitude",
           "Latitude", "Country", "City", "State/Region", "Postal"]
UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36"


def write_alchemer():
    # SurveyGizmo/Alchemer CSV: every field quoted (even empty), LF, no BOM; sub-fields named
    # "<sub-label>:<question>"; a non-breaking space inside one header; Status Complete/Partial.
    head = AL_META + [TEAM_Q] + ["%s:%s" % (t, STEM) for t in (VOICE, MISTAKES, HELP)] \
        + [LISTEN, ENPS.replace("working here", "working\u00a0here")]
    rows = []

    def meta(n, start, end, status, r):
        session = rid("", 10, "0123456789", "al-s-%d" % r) + "_" + rid("", 13, "0123456789abcdef", "al-x-%d" % r)
        return [n, ymd(start), ymd(end), status, "", "", "", "English", "", session, UA, "",
                "13.4069", "52.5196", "Germany", "Berlin", "BE", ""]

    for r in range(12):
        a = answers(r)
        rows.append(meta(r + 1, START[r], END[r], "Complete", r) + [RESPONDENTS[r][0]]
                    + [label(a[i]) for i in AGREE_ITEMS] + [number(a["enps"])])
    start = datetime(2026, 4, 22, 9, 5, 33)  # after respondent 12: ids follow start order
    rows.append(meta(13, start, start + timedelta(seconds=37), "Partial", 13) + ["B", EN[4], EN[0], EN[4], "", ""])
    lines = [line(head, quote_all=True)] + [line(r, quote_all=True) for r in rows]
    write("alchemer.csv", "\n".join(lines) + "\n")


# ---- questionnaire ----------------------------------------------------------------------------------

QUESTIONNAIRE = """\
# Generated by generate.py; edit that, not this file.
# One questionnaire for every export in this folder. Columns are found by question text (matrix
# statements inside "Question - Statement", "Question [Statement]", "Statement:Question") or by item
# id (LimeSurvey's LISTEN, ENPS); only LimeSurvey's SAFE[SQ00n] codes need a columns: entry.
id: platforms
title: Platform export fixtures
version: "1"
language: en
scales:
  agree5:
    min: 1
    max: 5
    labels: [Strongly disagree, Disagree, Neither agree nor disagree, Agree, Strongly agree]
    # "6" is Qualtrics' default recode of the matrix's 6th column (N/A) in a numeric export;
    # "AO06" is LimeSurvey's answer code of that column.
    notApplicable: ["N/A", "6", "AO06"]
    aliases: {AO01: 1, AO02: 2, AO03: 3, AO04: 4, AO05: 5}
  likelihood:
    min: 0
    max: 10
items:
  - id: voice
    text: I can raise problems without being blamed.
    scale: agree5
    columns: ["SAFE[SQ001]"]
  - id: mistakes
    text: Mistakes are held against you here.
    scale: agree5
    reverse: true
    columns: ["SAFE[SQ002]"]
  - id: help
    text: Asking for help is easy here.
    scale: agree5
    columns: ["SAFE[SQ003]"]
  - id: listen
    text: We listen to what customers tell us.
    scale: agree5
  - id: enps
    text: "How likely are you to recommend working here?"
    scale: likelihood
indices:
  - id: safety
    name: Psychological safety
    items: [voice, mistakes, help]
  - id: empathy
    name: Customer empathy
    items: [listen]
enps: enps
segments:
  - id: team
    columns: [Team, "Which team are you in?"]
    # LimeSurvey's answer-code export writes the team list's codes
    values: {AO01: A, AO02: B, AO03: C}
reporting:
  minGroupSize: 3
  minCommentGroupSize: 3
"""


# ---------------------------------------------------------------------------------------------------
# Expected figures
# ---------------------------------------------------------------------------------------------------

def keyed(item, v):
    return 6 - v if item in REVERSE else v


def fmt(x, digits=6):
    if isinstance(x, Fraction):
        if x.denominator == 1:
            return str(x.numerator)
        return "%s (= %d/%d)" % (("%." + str(digits) + "f") % float(x), x.numerator, x.denominator)
    return ("%." + str(digits) + "f") % x


def index_figures(members, who):
    scores = []
    pooled = []
    for r in who:
        a = answers(r)
        vals = [keyed(i, a[i]) for i in members if isinstance(a[i], int)]
        pooled += vals
        if vals:
            scores.append(Fraction(sum(vals), len(vals)))
    n = len(scores)
    mean = sum(scores, Fraction(0)) / n
    var = sum(((s - mean) ** 2 for s in scores), Fraction(0)) / (n - 1)  # exact; sd = sqrt(var)
    sd = stdev([float(s) for s in scores])
    fav = Fraction(100 * sum(1 for v in pooled if v >= 4), len(pooled))
    neu = Fraction(100 * sum(1 for v in pooled if v == 3), len(pooled))
    unf = Fraction(100 * sum(1 for v in pooled if v <= 2), len(pooled))
    return {"n": n, "mean": mean, "sd": sd, "var": var, "score100": (mean - 1) / 4 * 100, "fav": fav,
            "neu": neu, "unf": unf, "answers": len(pooled), "scores": scores}


def enps_figures(who):
    vals = [answers(r)["enps"] for r in who if answers(r)["enps"] is not None]
    p = sum(1 for v in vals if v >= 9)
    d = sum(1 for v in vals if v <= 6)
    return {"n": len(vals), "promoters": p, "passives": len(vals) - p - d, "detractors": d,
            "score": Fraction(100 * (p - d), len(vals))}


FILES = [  # name, platform detected, layout, data rows, excluded {reason: count}
    ("generic.csv", "generic", "UTF-8, no BOM, `,`, LF; 1 header row; labels", 12, {}),
    ("generic-de-semicolon.csv", "generic", "UTF-8 with BOM, `;`, CRLF; 1 header row; German labels", 12, {}),
    ("generic-utf16.txt", "generic", "UTF-16LE with BOM, TAB, CRLF; 1 header row; labels", 12, {}),
    ("qualtrics.csv", "qualtrics", "UTF-8, no BOM, `,`, LF; 3 header rows; choice text", 14,
     {"survey preview or test": 1, "partial response": 1}),
    ("qualtrics-numeric.csv", "qualtrics", "UTF-8, no BOM, `,`, LF; 3 header rows; recode values, "
     "-99 = seen but unanswered, 6 = N/A; team as embedded data `Team`", 14,
     {"survey preview or test": 1, "partial response": 1}),
    ("qualtrics-legacy.csv", "qualtrics", "UTF-8 with BOM, `,`, CRLF, trailing comma on every line; "
     "2 header rows (V1..V10); choice text, Status/Finished numeric", 14,
     {"survey preview or test": 1, "partial response": 1}),
    ("surveymonkey.csv", "surveymonkey", "UTF-8, no BOM, `,`, CRLF; 2 header rows; NUL and NBSP in "
     "header; newest first", 12, {}),
    ("google-forms.csv", "google-forms", "UTF-8, no BOM, `,`, CRLF; 1 header row; grid `Question [Row]`",
     12, {}),
    ("limesurvey.csv", "limesurvey", "UTF-8 with BOM, `;`, all quoted, CRLF + extra CRLF; code "
     "headings; full answers", 13, {"partial response": 1}),
    ("limesurvey-codes.csv", "limesurvey", "as limesurvey.csv; answer codes AO01..AO06", 13,
     {"partial response": 1}),
    ("alchemer.csv", "alchemer", "UTF-8, no BOM, `,`, every field quoted, LF; `Sub:Question`", 13,
     {"partial response": 1}),
]


def expected_md():
    everyone = range(12)
    out = ["# Expected results for every file in this folder",
           "",
           "Generated by `generate.py` from the same data as the exports; do not edit by hand.",
           "Every file holds the same 12 scored respondents (teams A 5, B 4, C 3) with identical answers.",
           "Exclusion reasons are `Platform.PREVIEW` (\"survey preview or test\") and `Platform.PARTIAL`",
           "(\"partial response\").",
           "",
           "| file | platform | layout | data rows | scored | excluded |",
           "|---|---|---|---|---|---|"]
    for name, platform, layout, rows, excluded in FILES:
        ex = ", ".join("%d %s" % (c, why) for why, c in excluded.items()) or "none"
        out.append("| `%s` | %s | %s | %d | 12 | %s |" % (name, platform, layout, rows, ex))
    out += ["",
            "Missing answers (all files): respondent 4 `help`, respondent 9 `enps`, respondent 10 `mistakes`",
            "(blank cells; `-99` in `qualtrics-numeric.csv`). Not applicable: respondent 7 `help` (`N/A`;",
            "`6` in `qualtrics-numeric.csv`, `AO06` in `limesurvey-codes.csv`): 1 N/A answer in total.",
            "",
            "Matrix statements are found by text in every file but LimeSurvey's (`SAFE[SQ00n]`): Qualtrics",
            "`Please rate - Statement`, legacy Qualtrics `Please rate-Statement` (no spaces, as the legacy",
            "exporter wrote it), SurveyMonkey `Please rate` over the first column with the statements in",
            "row 2, Google Forms `Please rate [Statement]`, Alchemer `Statement:Please rate`.",
            "",
            "## Indices (keyed values: `mistakes` reversed as 6 - x)",
            "",
            "| index | n | mean | sd | score100 | favorable % | neutral % | unfavorable % | pooled answers |",
            "|---|---|---|---|---|---|---|---|---|"]
    for idx, members in INDICES.items():
        f = index_figures(members, everyone)
        out.append("| %s | %d | %s | %s | %s | %s | %s | %s | %d |" % (
            idx, f["n"], fmt(f["mean"]), "%s (sd^2 = %s)" % (fmt(f["sd"]), f["var"]), fmt(f["score100"]),
            fmt(f["fav"]), fmt(f["neu"]),
            fmt(f["unf"]), f["answers"]))
    out += ["", "Respondent safety scores, respondents 1-12 (r01..r12, in time order): "
            + ", ".join(str(s) for s in index_figures(INDICES["safety"], everyone)["scores"]) + ".",
            "", "## eNPS", "", "| n | promoters | passives | detractors | score |", "|---|---|---|---|---|"]
    e = enps_figures(everyone)
    out.append("| %d | %d | %d | %d | %s |" % (e["n"], e["promoters"], e["passives"], e["detractors"],
                                              fmt(e["score"])))
    out += ["", "## Segment `team` (minGroupSize 3: no group suppressed)", "",
            "| team | n | safety n | safety mean | empathy n | empathy mean | eNPS n | eNPS score |",
            "|---|---|---|---|---|---|---|---|"]
    for team in "ABC":
        who = [r for r in everyone if RESPONDENTS[r][0] == team]
        s = index_figures(INDICES["safety"], who)
        m = index_figures(INDICES["empathy"], who)
        e = enps_figures(who)
        out.append("| %s | %d | %d | %s | %d | %s | %d | %s |" % (
            team, len(who), s["n"], fmt(s["mean"]), m["n"], fmt(m["mean"]), e["n"], fmt(e["score"])))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------------
# Verification: read every file back with the csv module
# ---------------------------------------------------------------------------------------------------

VALUE = {}
for i, lab in enumerate(EN):
    VALUE[lab.lower()] = i + 1
for i, lab in enumerate(DE):
    VALUE[lab.lower()] = i + 1
for i in range(1, 6):
    VALUE["ao%02d" % i] = i
for i in range(1, 6):
    VALUE[str(i)] = i
for na in ("n/a", "6", "ao06"):
    VALUE[na] = NA
VALUE[""] = None
VALUE["-99"] = None


def clean(text):
    return " ".join(text.replace("\x00", " ").split())


def decode(cell, item):
    key = clean(cell).lower()
    if item == "enps":
        return None if key in ("", "-99") else int(key)  # on the 0-10 scale 6 is a 6, not N/A
    return VALUE[key]


def read_table(name, encoding, delimiter):
    with open(os.path.join(HERE, name), "rb") as f:
        raw = f.read()
    text = raw.decode(encoding)
    return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) if row != []]


SPECS = {  # name: encoding, delimiter, header rows, how to find columns, id column, exclusion
    "generic.csv": ("utf-8", ",", 1),
    "generic-de-semicolon.csv": ("utf-8-sig", ";", 1),
    "generic-utf16.txt": ("utf-16", "\t", 1),
    "qualtrics.csv": ("utf-8", ",", 3),
    "qualtrics-numeric.csv": ("utf-8", ",", 3),
    "qualtrics-legacy.csv": ("utf-8-sig", ",", 2),
    "surveymonkey.csv": ("utf-8", ",", 2),
    "google-forms.csv": ("utf-8", ",", 1),
    "limesurvey.csv": ("utf-8-sig", ";", 1),
    "limesurvey-codes.csv": ("utf-8-sig", ";", 1),
    "alchemer.csv": ("utf-8", ",", 1),
}


def find(header_rows, *names):
    """Index of the column whose header (any row, cleaned, case-insensitive) ends with one of names."""
    hits = set()
    for row in header_rows:
        for c, cell in enumerate(row):
            h = clean(cell).lower()
            for n in names:
                n = n.lower()
                if h == n or h.endswith(("-" + n, " - " + n, "[" + n + "]")) or h.startswith(n + ":"):
                    hits.add(c)
    assert len(hits) == 1, (names, hits)
    return hits.pop()


def find_sm(head1, head2, text):
    for c, cell in enumerate(head2):
        if clean(cell).lower() == text.lower():
            return c
    return head1.index(text)


def verify():
    for name, (encoding, delimiter, nhead) in SPECS.items():
        rows = read_table(name, encoding, delimiter)
        head, data = rows[:nhead], rows[nhead:]
        width = len(head[0])
        for k, row in enumerate(rows):
            assert len(row) == width, "%s: row %d has %d fields, header %d" % (name, k + 1, len(row), width)
        if name.startswith("limesurvey"):
            cols = {"voice": head[0].index("SAFE[SQ001]"), "mistakes": head[0].index("SAFE[SQ002]"),
                    "help": head[0].index("SAFE[SQ003]"), "listen": head[0].index("LISTEN"),
                    "enps": head[0].index("ENPS"), "team": head[0].index("TEAM")}
            kept = [r for r in data if r[head[0].index("submitdate")] != ""]
        elif name == "surveymonkey.csv":
            cols = {i: find_sm(head[0], head[1], TEXT[i]) for i in ITEMS}
            cols["team"] = head[0].index(TEAM_Q)
            kept = sorted(data, key=lambda r: SM_ID.index(int(r[0])))
        else:
            cols = {i: find(head, TEXT[i]) for i in ITEMS}
            cols["team"] = find(head, "Team", TEAM_Q)
            kept = data
            if name.startswith("qualtrics"):
                status = find(head, "Status")
                finished = find(head, "Finished")
                kept = [r for r in data if r[status] not in ("Survey Preview", "1")
                        and r[finished] not in ("False", "0")]
            if name == "alchemer.csv":
                kept = [r for r in data if r[head[0].index("Status")] == "Complete"]
        assert len(kept) == 12, (name, len(kept))
        assert len(data) - len(kept) == sum(dict((f[0], f[4]) for f in FILES)[name].values()), name
        for r, row in enumerate(kept):
            got = {i: decode(row[cols[i]], i) for i in ITEMS}
            team = {"AO01": "A", "AO02": "B", "AO03": "C"}.get(row[cols["team"]], row[cols["team"]])
            assert got == answers(r), (name, r + 1, got, answers(r))
            assert team == RESPONDENTS[r][0], (name, r + 1, team)
        print("ok  %-26s %2d rows x %2d fields, %d scored" % (name, len(data), width, len(kept)))


def main():
    write("questionnaire.yaml", QUESTIONNAIRE)
    write_generic()
    write_generic_de()
    write_generic_utf16()
    write_qualtrics()
    write_qualtrics_numeric()
    write_qualtrics_legacy()
    write_surveymonkey()
    write_google_forms()
    write_limesurvey("limesurvey.csv", codes=False)
    write_limesurvey("limesurvey-codes.csv", codes=True)
    write_alchemer()
    write("expected.md", expected_md())
    verify()


if __name__ == "__main__":
    sys.exit(main())
