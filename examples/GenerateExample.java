/*
 * Generates four made-up but realistic generic CSV exports, at least one for each bundled questionnaire:
 *
 *   examples/survey.csv          questionnaires/customer-centric-culture.yaml (version 2.0), the full survey used
 *                                by the README quick start and the examples test; wave 2026-Q4;
 *   examples/survey-2026-q2.csv  the same questionnaire and columns, the earlier wave 2026-Q2, for comparing
 *                                waves (--baseline, --history) and the CI recipes in examples/ci/;
 *   examples/pulse.csv           questionnaires/psych-safety-pulse.yaml, a later pulse wave in the same company;
 *   examples/values-audit.csv    questionnaires/say-do-values-audit.yaml, the values audit template as shipped;
 *   examples/stores.csv          the full survey in a retailer's 40 store teams (wave 2026-Q4), and
 *   examples/stores-2026-q2.csv  the same stores' earlier wave 2026-Q2, with
 *   examples/customer-outcomes.csv  each store's customer NPS, CSAT and churn in both waves (report --outcomes).
 *
 * Regenerate from the repository root (Java 17, no dependencies):
 *
 *     java examples/GenerateExample.java                  # writes all seven files above
 *     java examples/GenerateExample.java OTHER.csv        # writes only the full survey, to OTHER.csv
 *
 * Java 17 reads this source in the platform charset; under a non-UTF-8 locale (LANG=C, say) add
 * -Dfile.encoding=UTF-8, or the program stops rather than write garbled text.
 *
 * The output is byte-for-byte deterministic: a fixed seed per file for SplittableRandom (so the files do not
 * share a random stream and adding a file, or changing one, leaves the others unchanged), StrictMath for the
 * normal deviates, no clock, no locale-dependent formatting, UTF-8 without BOM and "\n" line endings. Fields
 * are quoted as RFC 4180 requires and only then.
 *
 * What is in survey.csv (all of it invented; no real people):
 *   - 330 respondents (ResponseId R_0001 ...), in 9 teams of uneven size, one of which ("Legal", 3 people) is
 *     below the questionnaire's minGroupSize of 5; about 15% answer Level "Leader", the rest "Team member".
 *     The teams roll up into 5 departments (Finance & Legal has 32 people); Tenure is "< 1 year", "1–3 years",
 *     "3–10 years" or "10+ years" (leaders have been there longer); Location is one of four cities.
 *   - A latent-trait model with one trait per index. Safety is a general mood, a team effect, a leader bonus
 *     (the perception gap) and individual noise; every other trait loads on safety (0.35 to 0.7), on the
 *     same mood, and has its own team effect, a smaller extra leader bonus and noise, so all indices
 *     correlate with safety. Onboarding is the bright spot, Billing the hot spot, Field Service is polarised
 *     (its members sit near both ends), Product and Data & Analytics are lower on customer empathy, Customer
 *     Support on empowerment (scripts) and Sales on ethics. Newcomers are a little more positive, Kraków a
 *     little less aligned with the rest. Reverse-worded items are answered in the opposite direction, so a
 *     respondent high on safety disagrees with them.
 *   - Say and do: five pairs; every "do" item sits below its "say" item (by 0.7 to 1.2 scale points in the
 *     model, somewhat less once answers hit the top of the scale; learning from mistakes has the largest
 *     gap), and by 0.4 less for leaders. eNPS (0-10) rises mostly with safety and recognition; the optional
 *     customer NPS (cnps, 0-10) with empathy, ethics and alignment, and about 3% answer it "N/A".
 *   - Agree answers are written as scale labels, about 2% blank and 0.5% "N/A"; eNPS and cNPS as numbers,
 *     2% blank.
 *   - Headers are the item texts, except safety_4, empathy_3 and enps, which use the item id, so both column
 *     matching modes are exercised.
 *   - About 40% leave a comment; the comments include commas, double quotes, embedded newlines, non-ASCII text
 *     (German, French, Chinese, Japanese, emoji), one that starts with "-" and one fake e-mail address.
 *
 * What is in survey-2026-q2.csv: the same columns, headers and kinds of answer as survey.csv, from the earlier
 * wave 2026-Q2 (survey.csv is 2026-Q4), drawn from its own seed. 300 respondents (Q2_0001 ...) from the same
 * nine teams at about 91% turnout each (Legal again all 3), with the same levels, departments, tenures and
 * locations; about 30% leave a comment, from a list of their own with the same special cases (commas, quotes,
 * embedded newlines, non-ASCII text, a leading "-", a fake phone number). The model is that of survey.csv with
 * exactly two changes from Q2 to Q4, which tests may rely on:
 *   - psychological safety was lower in Q2 (by 0.33 in the model, about 0.35 scale points in the data): safety
 *     improved by Q4, clearly beyond chance for a Welch test. Safety alone moves, not the traits that load on it,
 *     but what safety drives moves with it: eNPS is lower in Q2;
 *   - the say-do gap on learning from mistakes was wider in Q2 (by 0.35 in the model, plus what lower safety
 *     takes off its "do"; about 1.5 against 1.1 scale points in the data), so it narrowed by Q4.
 * Everything else is meant to be unchanged; customer empathy in particular is the same within 0.01 scale
 * points. Three calibration offsets (see Q2_MOOD_CALIBRATION) cancel what chance did to this particular sample.
 *
 * What is in pulse.csv: 180 respondents (P_0001 ...) from the same nine teams, Legal again with 3, and columns
 * ResponseId, Team, Level, the six safety items (the same wording as in the full survey; safety_4 again headed
 * by its id), the say-do pair on speaking up and the comment. The answers come from the same latent model; since
 * the full survey, Billing has acted on its "At risk" result and is up by half a scale point on safety, while
 * Customer Support has slipped a little. The "do" item sits about a point below the "say" item. Agree answers
 * as in survey.csv; about 15% leave a comment.
 *
 * What is in values-audit.csv: 150 respondents (A_0001 ...) from the same nine teams (Legal 3), columns
 * ResponseId, Team, Level, the five say-do pairs of the template, the three integrity items and the comment.
 * Every "do" sits below its "say"; caring for employees' wellbeing shows by far the largest gap (about 1.9
 * scale points in the model, against 0.5 to 1.0 for the others). A "follow-through" trait per respondent
 * drives the integrity items and lifts every "do" answer, so the index and the gaps go together. Agree answers
 * as in survey.csv; about 35% leave a comment.
 *
 * What is in stores.csv and stores-2026-q2.csv: the full survey's columns and latent model in 40 customer-facing
 * store teams of 6 to 20 people, which roll up into a three-level tree: Team is the store ("Leeds Briggate"),
 * Location its city, Department its region (North, Midlands, London & South, West; ten stores each). Level is
 * blank: with one or two managers per store it would single them out. Each store has a lasting culture effect
 * on every trait (normal, sd 0.3) and, per wave, a change on top (sd 0.2); two stores (Durham Market Place,
 * Truro Lemon Street, each its city's only store) have only 4 people answering, below the minimum group size,
 * so every report hides them. About 90% of each other store answers in Q4, 85% in Q2. About 10% leave a
 * comment.
 *
 * What is in customer-outcomes.csv: one row per store and period (2026-Q2, 2026-Q4; team, period,
 * customer_nps, n_customer_nps, csat, n_csat, churn_pct), in a shuffled order. The relation is built in, and
 * culture leads: a store's outcomes in a period follow its culture in the wave BEFORE it (for 2026-Q2, its
 * lasting culture alone), through c = the store's (empathy + safety) / 2 effect in scale points:
 *     customer_nps = 25 + 40 c + noise (sd 8),   csat = 4.1 + 0.5 c + noise (sd 0.15),
 *     churn_pct    = 9 - 6 c + noise (sd 1.5),   each a mean over n customers (n_: 60 to 400).
 * So in Q4 the lagged view (Q2 culture against Q4 outcomes) is at least as strong as the same-wave view, and
 * the hidden stores' outcomes are in the file but never in a report. Two cells are blank (missing values).
 */

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** Writes the example survey exports; see the comment above for what they contain. */
public final class GenerateExample {

    private static final long SEED = 0x5EED_C0FFEEL;
    // Derived seeds, one per further file, so that none of them touches the random stream of survey.csv.
    private static final long PULSE_SEED = SEED + 1;
    private static final long VALUES_AUDIT_SEED = SEED + 2;
    private static final long SURVEY_Q2_SEED = SEED + 3;
    private static final long STORES_SEED = SEED + 4;
    private static final long STORES_Q2_SEED = SEED + 5;
    private static final long STORE_EFFECTS_SEED = SEED + 6;
    private static final long OUTCOMES_SEED = SEED + 7;

    private static final String SURVEY_OUT = "examples/survey.csv";
    private static final String PULSE_OUT = "examples/pulse.csv";
    private static final String VALUES_AUDIT_OUT = "examples/values-audit.csv";
    private static final String SURVEY_Q2_OUT = "examples/survey-2026-q2.csv";
    private static final String STORES_OUT = "examples/stores.csv";
    private static final String STORES_Q2_OUT = "examples/stores-2026-q2.csv";
    private static final String OUTCOMES_OUT = "examples/customer-outcomes.csv";
    private static final double STORES_COMMENT_RATE = 0.10;

    /** Regions, their cities and each city's stores: Department, Location and Team of stores.csv. */
    private static final Map<String, Map<String, List<String>>> STORE_TREE = storeTree(
            "North: Leeds=Briggate,Kirkstall,White Rose; Manchester=Arndale,Didsbury,Trafford; "
                    + "Newcastle=Eldon Square,Gosforth; York=Coppergate; Durham=Market Place",
            "Midlands: Birmingham=Bullring,Solihull,Sutton; Nottingham=Victoria,Beeston,West Bridgford; "
                    + "Leicester=Highcross,Fosse Park; Coventry=Cathedral Lanes,Arena",
            "London & South: London=Oxford Street,Canary Wharf,Stratford,Clapham; Brighton=Churchill Square,Hove; "
                    + "Reading=Broad Street,Oracle; Oxford=Westgate,Cowley",
            "West: Bristol=Cabot Circus,Clifton,Cribbs; Cardiff=St David's,Queen Street,Cardiff Bay; "
                    + "Exeter=Princesshay,Quayside; Bath=SouthGate; Truro=Lemon Street");
    /** The stores too few of whose people answer to be shown. */
    private static final List<String> SMALL_STORES = List.of("Durham Market Place", "Truro Lemon Street");

    private static final String[] AGREE = {
        "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"
    };
    private static final double BLANK_RATE = 0.02;
    private static final double NOT_APPLICABLE_RATE = 0.005;
    private static final double CNPS_NOT_APPLICABLE_RATE = 0.03;
    private static final double COMMENT_RATE = 0.40;
    private static final double PULSE_COMMENT_RATE = 0.15;
    private static final double VALUES_AUDIT_COMMENT_RATE = 0.35;
    private static final double SURVEY_Q2_COMMENT_RATE = 0.30;
    private static final double LEADER_SHARE = 0.15;

    /**
     * The latent trait behind each index, with how strongly it loads on safety, how far polarised teams split
     * on it beyond that, and the leader bonus it adds beyond that (all in scale points).
     */
    private enum Trait {
        SAFETY(0.0, 0.0, 0.0),
        TRUST(0.7, 0.2, 0.1),
        FEEDBACK(0.55, 0.2, 0.15),
        EMPATHY(0.35, 0.5, 0.15),
        ETHICS(0.4, 0.2, 0.1),
        ALIGNMENT(0.35, 0.5, 0.2),
        EMPOWERMENT(0.5, 0.3, 0.3),
        LEARNING(0.5, 0.2, 0.15),
        ACCOUNTABILITY(0.35, 0.2, 0.2),
        RECOGNITION(0.45, 0.3, 0.2);

        final double safetyLoading;
        final double campLoading;
        final double leaderBonus;

        Trait(double safetyLoading, double campLoading, double leaderBonus) {
            this.safetyLoading = safetyLoading;
            this.campLoading = campLoading;
            this.leaderBonus = leaderBonus;
        }
    }

    /**
     * An index item; {@code mean} is the keyed mean (agree scale) for an average respondent, and the header is
     * the item text unless {@code byId}.
     */
    private record IndexItem(String id, String text, Trait trait, double mean, boolean reverse, boolean byId) {
        String header() {
            return byId ? id : text;
        }
    }

    /**
     * A say-do pair; {@code gap} is how much lower "do" sits than "say" for a team member, and "do" also rises
     * with the {@code driver} trait.
     */
    private record Pair(String id, String sayText, String doText, double sayMean, double gap, Trait driver) {}

    /** An item outside the trait model; {@code mean} is its keyed mean, as for {@link IndexItem}. */
    private record PlainItem(String id, String text, double mean, boolean reverse) {}

    /**
     * A team: its department, size, effect on each trait (in {@link Trait} order; for traits other than safety
     * on top of what safety implies), how its members spread over {@link #LOCATIONS}, and whether it is
     * polarised into two camps.
     */
    private record Team(String name, String department, int size, double[] effects, double[] locations,
            boolean polarised) {}

    /** How many of a team answer one survey, and how far its safety has moved since the full survey. */
    private record Turnout(Team team, int size, double safetyShift) {}

    /**
     * One wave of the full survey: how its response ids are written, its say-do pairs (the same items, perhaps
     * with other gaps), a shift of the general mood, a shift per trait in {@link Trait} order (applied after the
     * other traits have taken their level from safety, so a shift of safety moves safety alone) and how many
     * leave a comment.
     */
    private record Wave(String idFormat, List<Pair> pairs, double moodShift, double[] traitShifts,
            double commentRate) {}

    /** One respondent before answering: their team, whether a leader, and their team's safety shift. */
    private record Member(Team team, boolean leader, double safetyShift) {}

    /** A respondent's latent state: the general mood and one level per trait, in scale points around 0. */
    private record Latent(double mood, Map<Trait, Double> traits) {
        double get(Trait trait) {
            return traits.get(trait);
        }
    }

    /** Per trait, in {@link Trait} order: no shift. */
    private static final double[] NO_TRAIT_SHIFTS = new double[Trait.values().length];

    private static final String[] LOCATIONS = {"Manchester", "Rotterdam", "Lyon", "Kraków"};
    /** Shifts every trait of a respondent at that location. */
    private static final double[] LOCATION_MOOD = {0.0, 0.05, -0.05, 0.0};
    /** Kraków, the newest site, is less connected to the other departments. */
    private static final double[] LOCATION_ALIGNMENT = {0.1, 0.0, 0.0, -0.4};

    private static final String[] TENURES = {"< 1 year", "1–3 years", "3–10 years", "10+ years"};
    private static final double[] TENURE_WEIGHTS_MEMBER = {0.18, 0.32, 0.33, 0.17};
    private static final double[] TENURE_WEIGHTS_LEADER = {0.03, 0.17, 0.45, 0.35};
    /** Newcomers are a little more positive; the middle years a little less. */
    private static final double[] TENURE_MOOD = {0.25, 0.0, -0.15, -0.05};

    private static final List<IndexItem> ITEMS = List.of(
            new IndexItem("safety_1", "On this team I can raise a problem without being blamed for it.",
                    Trait.SAFETY, 3.6, false, false),
            new IndexItem("safety_2",
                    "People here keep quiet about their own errors because owning up would count against them.",
                    Trait.SAFETY, 3.3, true, false),
            new IndexItem("safety_3", "I can try a new way of helping a customer even if it might not work out.",
                    Trait.SAFETY, 3.4, false, false),
            new IndexItem("safety_4", "Asking a colleague for help here makes you look less capable.",
                    Trait.SAFETY, 3.7, true, true),
            new IndexItem("safety_5",
                    "I can disagree with my manager in a meeting without worrying about what it will cost me.",
                    Trait.SAFETY, 3.1, false, false),
            new IndexItem("safety_6",
                    "When someone on this team owns up to a mistake, the discussion turns to fixing it rather than to who is at fault.",
                    Trait.SAFETY, 3.4, false, false),
            new IndexItem("trust_1",
                    "Colleagues on my team say so openly when a task is beyond what they know how to do.",
                    Trait.TRUST, 3.5, false, false),
            new IndexItem("trust_2", "People on my team apologise to one another when they get something wrong.",
                    Trait.TRUST, 3.8, false, false),
            new IndexItem("trust_3", "When a colleague questions my work, I can assume they mean well.",
                    Trait.TRUST, 3.9, false, false),
            new IndexItem("trust_4",
                    "People on my team hide their weak spots from each other to protect their standing.",
                    Trait.TRUST, 3.5, true, false),
            new IndexItem("feedback_1", "I get feedback on my work that is specific enough to act on.",
                    Trait.FEEDBACK, 3.3, false, false),
            new IndexItem("feedback_2", "Colleagues here tell each other directly when something could be done better.",
                    Trait.FEEDBACK, 3.4, false, false),
            new IndexItem("feedback_3",
                    "People here tell their managers plainly when the way they lead is not working.",
                    Trait.FEEDBACK, 2.8, false, false),
            new IndexItem("feedback_4",
                    "Most of the feedback I receive comes months after the event, when it is too late to use.",
                    Trait.FEEDBACK, 3.1, true, false),
            new IndexItem("empathy_1",
                    "In my team we regularly talk about what customers are actually trying to get done.",
                    Trait.EMPATHY, 3.6, false, false),
            new IndexItem("empathy_2",
                    "When a customer complains, we listen to understand before we explain or defend ourselves.",
                    Trait.EMPATHY, 3.5, false, false),
            new IndexItem("empathy_3", "I understand how my day-to-day work affects what customers experience.",
                    Trait.EMPATHY, 4.0, false, true),
            new IndexItem("empathy_4",
                    "Customer feedback is mostly treated here as noise to be managed rather than something to learn from.",
                    Trait.EMPATHY, 3.4, true, false),
            new IndexItem("empathy_5",
                    "Before we propose a solution, we check with the customer that we have understood the problem correctly.",
                    Trait.EMPATHY, 3.5, false, false),
            new IndexItem("ethics_1",
                    "My manager would back me if I advised a customer against buying something they do not need.",
                    Trait.ETHICS, 3.9, false, false),
            new IndexItem("ethics_2",
                    "We explain prices and contract terms to customers plainly, including the parts that do not favour us.",
                    Trait.ETHICS, 3.8, false, false),
            new IndexItem("ethics_3", "If I saw a practice here that harmed customers, I would feel able to report it.",
                    Trait.ETHICS, 4.2, false, false),
            new IndexItem("ethics_4",
                    "Hitting a target here sometimes matters more than whether the customer was treated fairly.",
                    Trait.ETHICS, 3.7, true, false),
            new IndexItem("alignment_1",
                    "Departments here share one picture of the customer journey, from first contact to renewal.",
                    Trait.ALIGNMENT, 3.1, false, false),
            new IndexItem("alignment_2",
                    "When a customer issue crosses department lines, the departments sort it out together instead of passing it on.",
                    Trait.ALIGNMENT, 3.0, false, false),
            new IndexItem("alignment_3",
                    "Where customers are concerned, my department's goals support those of other departments rather than compete with them.",
                    Trait.ALIGNMENT, 3.3, false, false),
            new IndexItem("alignment_4",
                    "Customers often have to repeat themselves because information gets lost between departments.",
                    Trait.ALIGNMENT, 2.8, true, false),
            new IndexItem("alignment_5",
                    "I know whom to contact in another department when a customer's case needs their help.",
                    Trait.ALIGNMENT, 3.5, false, false),
            new IndexItem("empowerment_1", "I am trusted to use my own judgement to solve a customer's problem.",
                    Trait.EMPOWERMENT, 3.5, false, false),
            new IndexItem("empowerment_2",
                    "I can put right a small customer problem, such as a goodwill credit or a replacement, without asking for approval.",
                    Trait.EMPOWERMENT, 2.7, false, false),
            new IndexItem("empowerment_3",
                    "Ideas I put forward for serving customers better can change how things are done here.",
                    Trait.EMPOWERMENT, 3.1, false, false),
            new IndexItem("empowerment_4",
                    "Rules and scripts here stop me from doing what is obviously right for a customer.",
                    Trait.EMPOWERMENT, 3.0, true, false),
            new IndexItem("learning_1",
                    "After a project or an incident, my team takes time to review what worked and what did not.",
                    Trait.LEARNING, 3.4, false, false),
            new IndexItem("learning_2", "I have time in my normal working week to learn new skills.",
                    Trait.LEARNING, 2.8, false, false),
            new IndexItem("learning_3",
                    "Good practices found in one team are passed on so that other teams can use them.",
                    Trait.LEARNING, 2.9, false, false),
            new IndexItem("learning_4",
                    "We keep repeating the same mistakes because lessons learned are not passed on.",
                    Trait.LEARNING, 3.1, true, false),
            new IndexItem("accountability_1",
                    "My team looks at customer measures, such as complaints or resolution times, at least once a month.",
                    Trait.ACCOUNTABILITY, 3.7, false, false),
            new IndexItem("accountability_2", "I know which customer outcomes my own work is measured against.",
                    Trait.ACCOUNTABILITY, 3.5, false, false),
            new IndexItem("accountability_3",
                    "Progress on customer goals is reviewed openly here, including when the numbers are bad.",
                    Trait.ACCOUNTABILITY, 3.2, false, false),
            new IndexItem("accountability_4",
                    "When a commitment to a customer is missed, it is unclear who is responsible for putting it right.",
                    Trait.ACCOUNTABILITY, 2.9, true, false),
            new IndexItem("recognition_1", "When I go out of my way for a customer, someone notices and says so.",
                    Trait.RECOGNITION, 3.0, false, false),
            new IndexItem("recognition_2",
                    "People here are thanked for raising problems early, not only for successes.",
                    Trait.RECOGNITION, 2.8, false, false),
            new IndexItem("recognition_3", "Credit here goes to the people who actually did the work.",
                    Trait.RECOGNITION, 3.1, false, false),
            new IndexItem("recognition_4", "Behind-the-scenes work that helps customers goes unnoticed here.",
                    Trait.RECOGNITION, 2.6, true, false));

    private static final List<Pair> PAIRS = List.of(
            new Pair("customers_first", "Our leaders say that customers come first.",
                    "In the last three months, our leaders' decisions showed that customers come first.", 4.2, 0.8,
                    Trait.EMPATHY),
            new Pair("learning_from_mistakes", "Our leaders say that mistakes are a chance to learn.",
                    "In the last three months, our leaders' decisions showed that mistakes are treated as a chance to learn.",
                    3.9, 1.2, Trait.SAFETY),
            new Pair("caring_for_employees", "Our leaders say that they care about employees' wellbeing.",
                    "In the last three months, our leaders' decisions showed that they care about employees' wellbeing.",
                    3.8, 0.7, Trait.RECOGNITION),
            new Pair("empowerment",
                    "Our leaders say that front-line staff are trusted to make decisions for customers.",
                    "In the last three months, our leaders' decisions showed that front-line staff are trusted to make decisions for customers.",
                    4.0, 1.0, Trait.EMPOWERMENT),
            new Pair("listening_to_feedback", "Our leaders say that they want to hear feedback, including criticism.",
                    "In the last three months, our leaders' decisions showed that they act on feedback, including criticism.",
                    4.1, 0.9, Trait.FEEDBACK));

    private static final String ENPS_HEADER = "enps"; // matched by id
    private static final String CNPS_HEADER =
            "Judging by what you see in your daily work, how likely are our customers to recommend us to people they know?";
    private static final String COMMENT_HEADER = "What one thing would make it easier to put customers first here?";

    // Effects in Trait order: safety, trust, feedback, empathy, ethics, alignment, empowerment, learning,
    // accountability, recognition. Locations: Manchester, Rotterdam, Lyon, Kraków.
    private static final List<Team> TEAMS = List.of(
            new Team("Customer Support", "Customer Operations", 71,
                    new double[] {0.0, 0.1, 0.0, 0.3, 0.1, 0.0, -0.5, -0.1, 0.2, -0.2},
                    new double[] {0.4, 0.3, 0.2, 0.1}, false),
            new Team("Sales", "Commercial", 48,
                    new double[] {0.1, 0.0, 0.1, -0.1, -0.5, -0.2, 0.2, 0.0, 0.3, 0.2},
                    new double[] {0.5, 0.3, 0.2, 0.0}, false),
            new Team("Onboarding", "Customer Operations", 35,
                    new double[] {0.9, 0.3, 0.3, 0.4, 0.2, 0.4, 0.3, 0.3, 0.2, 0.3},
                    new double[] {0.6, 0.4, 0.0, 0.0}, false),
            new Team("Billing", "Finance & Legal", 29,
                    new double[] {-0.8, -0.2, -0.3, -0.2, -0.1, -0.4, -0.3, -0.3, -0.2, -0.3},
                    new double[] {0.3, 0.0, 0.0, 0.7}, false),
            new Team("Product", "Product & Technology", 41,
                    new double[] {0.1, 0.1, 0.1, -0.5, 0.0, 0.1, 0.2, 0.3, -0.1, 0.0},
                    new double[] {0.6, 0.0, 0.0, 0.4}, false),
            new Team("Field Service", "Field Operations", 57,
                    new double[] {0.0, 0.0, -0.1, 0.1, 0.0, -0.2, 0.1, -0.1, 0.0, -0.1},
                    new double[] {0.3, 0.3, 0.4, 0.0}, true),
            new Team("Marketing", "Commercial", 24,
                    new double[] {0.1, 0.1, 0.1, 0.2, 0.1, 0.1, 0.1, 0.1, 0.0, 0.2},
                    new double[] {0.7, 0.0, 0.3, 0.0}, false),
            new Team("Data & Analytics", "Product & Technology", 22,
                    new double[] {0.3, 0.1, 0.2, -0.6, 0.1, 0.0, 0.2, 0.4, 0.1, -0.2},
                    new double[] {0.3, 0.0, 0.0, 0.7}, false),
            new Team("Legal", "Finance & Legal", 3,
                    new double[] {0.0, 0.2, 0.0, -0.3, 0.3, 0.1, -0.2, 0.0, 0.0, -0.1},
                    new double[] {1.0, 0.0, 0.0, 0.0}, false));

    /** Answers to "What one thing would make it easier to put customers first here?" from less happy people. */
    private static final List<String> CRITICAL_COMMENTS = List.of(
            "Fewer hand-offs. A customer should not have to explain the same problem to three departments.",
            "Give front-line staff authority to issue small refunds without waiting two days for approval.",
            "Leaders keep saying \"customer first\" but every decision last quarter was about cost.",
            "Billing and Support need one shared view of the customer, right now we work from two systems, and they disagree.",
            "If I raise a problem in the weekly meeting it gets noted and then nothing happens.\nI've stopped bringing things up.",
            "Die Übergabe zwischen Vertrieb und Onboarding läuft schlecht, Kunden müssen alles zweimal erklären.",
            "On devrait pouvoir régler les réclamations simples sans remonter à la hiérarchie ; les clients attendent trop longtemps.",
            "客户的反馈应该直接转给产品团队。",
            "- more people on the phones\n- fewer internal meetings\n- a real escalation path",
            "Stop measuring us on call length. Some customers need 20 minutes, and that's fine.",
            "Honest answer: people are afraid to admit mistakes because of how the last incident review went.",
            "Happy to talk about this in more detail, mail me at jo@example.com",
            "Let us see the comments from our own customers, not just the score.",
            "Our targets reward closing tickets, not solving problems.",
            "Product rarely hears what customers actually struggle with; a monthly session with Support would help.",
            "Managers should ask \"what went wrong?\" without immediately asking \"who did it?\"",
            "More time for training on the new platform. We learn it in front of the customer, which is embarrassing.",
            "Field technicians find out about customer complaints weeks later. Share them the same day.",
            "Clear ownership for cross-team issues. Right now everything escalates to \"someone in Ops\".",
            "When priorities change every month, we can't keep the promises we made to customers.",
            "Fix the onboarding-to-billing handover; the first invoice is wrong far too often.",
            "A single customer history that everyone can read.",
            "Please stop the blame in post-incident reviews.",
            "Ask us before changing processes that affect customers. We see the impact first.",
            "Less internal reporting, more time with customers.",
            "Sales promises features that don't exist yet, and then Support has to deal with the fallout.",
            "Let people say \"I don't know, I'll find out\" without it being seen as weakness.",
            "Rotate everyone through Customer Support for a day each quarter, directors included.",
            "I'd like to know what happens with this survey. Last year's results were never shared.",
            "Mehr Zeit für die Kunden, weniger interne Abstimmungsrunden.",
            "Staffing. We are three people short in our region and everyone is tired.",
            "Stop punishing people for escalating. Escalating early is the right thing to do.",
            "Write down who decides what between Product and Marketing, it's unclear and customers notice.",
            "Our leaders listen, but the layer in between filters out anything negative before it reaches them.",
            "Make it normal to share near-misses in team meetings, not only successes.",
            "Better tools. The CRM times out while the customer is waiting on the line.",
            "Let us call a customer back without opening a ticket first.",
            "Les équipes terrain n'ont aucune visibilité sur ce que le support a promis au client.",
            "Honestly? Caring for employees would help more than any customer programme. Burnt-out staff can't be kind to customers.",
            "Publish the customer journey map and who owns each step, it exists somewhere but nobody has seen it.",
            "We need a way to disagree with a decision without it turning personal.",
            "Give Data & Analytics access to raw feedback so we can spot patterns earlier.",
            "Quarterly goals across departments should include at least one shared customer goal.",
            "Trust us to use judgement. The script doesn't fit half the calls.",
            "It feels risky to try anything new here; if it fails, it's on you alone.",
            "Answer complaints within a day, even if it's just to say \"we're looking into it\".",
            "More follow-through from managers on the ideas we send in.\n\nWe had a suggestion box. It was emptied once.",
            "Onboarding often hears about contract terms for the first time from the customer. That's backwards.",
            "Show customer feedback on a screen in the office (and in the chat for remote staff).",
            "A leader who admits their own mistakes would change more than any poster on the wall.",
            "Kunden-Feedback sollte nicht erst nach drei Wochen bei uns ankommen.",
            "お客様の声を、もっと早く現場に共有してほしいです。",
            "Smaller meetings where people actually speak, not 40-person calls.",
            "Fewer KPIs; the ones we have contradict each other.",
            "Contract changes for customers take weeks because nobody knows who signs off.",
            "Stop sending customers survey after survey; read the ones we already have.",
            "Pay attention to what the late shift says, we handle the angriest customers.",
            "Let us close the loop with the customer ourselves, instead of handing it back to Sales.");

    /** Answers from people who are broadly content. */
    private static final List<String> POSITIVE_COMMENTS = List.of(
            "Keep the Friday customer stories, they're the best part of the week 🙌",
            "Honestly it's already good in our team. Our manager asks for bad news first.",
            "More of what Onboarding does: they call customers after 30 days, just to listen.",
            "The new escalation channel works well. Please don't replace it again.",
            "I feel safe to speak up here, which is not something I could say in my last job.",
            "Keep investing in training; the listening workshop was genuinely useful.",
            "Recognise people who catch problems early, like last month. It made a difference.",
            "Our team lead shares her own mistakes in retros. That sets the tone.",
            "Already improving. Shared dashboards between Sales and Support helped a lot.",
            "Nothing major; maybe invite customers to speak at the all-hands more often.",
            "Très bonne ambiance dans l'équipe, on peut parler franchement des erreurs.",
            "Keep the cross-team \"customer day\", it's the one time we all see the same picture.",
            "We're on a good path. Just make sure the other departments get the same freedom we have.",
            "Continue the monthly call-listening sessions — everyone learns something.",
            "Good leadership in my area. I'd like more contact with the Product team, though.",
            "The \"no blame\" review after the outage was handled really well. More of that.");

    /** Short answers that many people give; these may repeat once the longer ones are used up. */
    private static final List<String> SHORT_COMMENTS = List.of(
            "More staff.",
            "Better systems.",
            "Fewer meetings.",
            "Nothing to add.",
            "More time per customer.",
            "Listen to the front line.",
            "Clearer priorities.",
            "Better tools.",
            "More training.",
            "Less bureaucracy.",
            "Shared goals between departments.",
            "Faster decisions.",
            "Fix the CRM.",
            "Clearer ownership.",
            "Trust the front line.",
            "Time to actually talk to customers.");


    // ---- The pulse (psych-safety-pulse.yaml) ----

    /** The six safety items, worded exactly as in the full survey (safety_4 again headed by its id). */
    private static final List<IndexItem> PULSE_ITEMS =
            ITEMS.stream().filter(item -> item.trait() == Trait.SAFETY).toList();

    private static final Pair SPEAKING_UP = new Pair("speaking_up",
            "Our leaders say that they want people to speak up, even when the news is bad.",
            "In the last month, our leaders' reactions showed that they want people to speak up, even when the news is bad.",
            4.1, 1.0, Trait.SAFETY);

    private static final String PULSE_COMMENT_HEADER = "What one thing would make it easier to speak up in this team?";

    /** Who answered the pulse: about 55% of each team, Legal again all 3; Billing up since, Support down. */
    private static final List<Turnout> PULSE_TURNOUT = List.of(
            new Turnout(team("Customer Support"), 38, -0.2),
            new Turnout(team("Sales"), 26, 0.0),
            new Turnout(team("Onboarding"), 20, 0.0),
            new Turnout(team("Billing"), 16, 0.5),
            new Turnout(team("Product"), 22, 0.0),
            new Turnout(team("Field Service"), 30, 0.0),
            new Turnout(team("Marketing"), 13, 0.0),
            new Turnout(team("Data & Analytics"), 12, 0.0),
            new Turnout(team("Legal"), 3, 0.0));

    private static final List<String> PULSE_CRITICAL_COMMENTS = List.of(
            "If the first reaction to bad news were \"thanks for telling me\" instead of a sigh.",
            "Our stand-up is too rushed to raise anything. Ten minutes a week just for problems, please.",
            "Retros where the manager isn't in the room for the first half.",
            "I raised the rota problem twice and nothing changed, so why would I raise it again?",
            "Honestly, after the last incident review nobody wants to be the one who found the bug.",
            "Anonymous questions at the all-hands, and real answers to them.",
            "Less \"let's take that offline\", which in practice means never.",
            "Mehr Rückendeckung, wenn man einen Fehler meldet – nicht zuerst Schuldige suchen.",
            "Qu'on arrête de couper la parole aux plus jeunes en réunion.",
            "Managers who admit when they don't know something.\nThat would make it easier for the rest of us.",
            "Stop forwarding our concerns up the chain with our names on them.",
            "Fewer people in the room. I don't speak up in front of 30 people, and I'm not the only one.",
            "Since the reorganisation it feels risky to disagree with anything, so people just nod.",
            "Follow up on what we raise; even a \"no, because …\" is better than silence.",
            "問題を報告した人が責められない仕組みがほしいです。");

    private static final List<String> PULSE_POSITIVE_COMMENTS = List.of(
            "Our lead now asks \"what's blocking you?\" every week, and means it. Big change since the last survey.",
            "Keep the blameless reviews. They work.",
            "It's already easy in our team, honestly. Our manager thanks people for bad news.",
            "The anonymous channel helps, but most things we now just say out loud 👍",
            "More of the same; the retro format we started in spring is good.",
            "Nothing, it's fine here. Maybe share what happened with the last pulse results.");

    private static final List<String> PULSE_SHORT_COMMENTS = List.of(
            "More time in meetings.",
            "Smaller meetings.",
            "Nothing to add.",
            "Anonymous feedback.",
            "Act on what we say.",
            "Less blame.",
            "Listen more.",
            "Tell us what happened next.");

    // ---- The values audit (say-do-values-audit.yaml, the template as shipped) ----

    /** The template's five values; caring for employees' wellbeing has by far the largest gap. */
    private static final List<Pair> VALUE_PAIRS = List.of(
            new Pair("value_1", "Our leaders say that customers come first.",
                    "In the last three months, our leaders' decisions showed that customers come first.", 4.2, 0.7,
                    Trait.EMPATHY),
            new Pair("value_2", "Our leaders say that mistakes are a chance to learn.",
                    "In the last three months, our leaders' decisions showed that mistakes are a chance to learn.",
                    3.9, 0.9, Trait.SAFETY),
            new Pair("value_3", "Our leaders say that they care about employees' wellbeing.",
                    "In the last three months, our leaders' decisions showed that they care about employees' wellbeing.",
                    4.0, 1.9, Trait.RECOGNITION),
            new Pair("value_4", "Our leaders say that we act honestly, even when it costs us.",
                    "In the last three months, our leaders' decisions showed that we act honestly, even when it costs us.",
                    4.1, 0.5, Trait.ETHICS),
            new Pair("value_5", "Our leaders say that departments should work as one team.",
                    "In the last three months, our leaders' decisions showed that departments should work as one team.",
                    3.9, 1.0, Trait.ALIGNMENT));

    /** The integrity index, answered from the respondent's follow-through trait. */
    private static final List<PlainItem> INTEGRITY_ITEMS = List.of(
            new PlainItem("integrity_1", "Our leaders do what they say they will do.", 3.3, false),
            new PlainItem("integrity_2", "When our leaders cannot keep a promise, they say so early and explain why.",
                    3.0, false),
            new PlainItem("integrity_3", "Changes our leaders announce are often quietly dropped a few months later.",
                    3.1, true));

    private static final String VALUES_AUDIT_COMMENT_HEADER =
            "Where do our leaders' words and actions differ most? Please give an example.";

    /** Who answered the audit: under half of each team, Legal again all 3. */
    private static final List<Turnout> VALUES_AUDIT_TURNOUT = List.of(
            new Turnout(team("Customer Support"), 32, 0.0),
            new Turnout(team("Sales"), 22, 0.0),
            new Turnout(team("Onboarding"), 16, 0.0),
            new Turnout(team("Billing"), 13, 0.0),
            new Turnout(team("Product"), 18, 0.0),
            new Turnout(team("Field Service"), 25, 0.0),
            new Turnout(team("Marketing"), 11, 0.0),
            new Turnout(team("Data & Analytics"), 10, 0.0),
            new Turnout(team("Legal"), 3, 0.0));

    private static final List<String> VALUES_AUDIT_CRITICAL_COMMENTS = List.of(
            "Wellbeing: we got a webinar on burnout and, the same week, a hiring freeze and another weekend release.",
            "\"People first\" at the town hall, then the team was cut by a third without a word to us beforehand.",
            "They say mistakes are for learning, but the last person who admitted one was moved off the project.",
            "Customers first, except when the quarter is tight. Then it's the numbers first.",
            "One team? Sales and Support still have targets that pull in opposite directions.",
            "Workload. Everyone talks about balance, nobody removes any work.\nThe overtime is simply expected.",
            "We were promised a training budget of four days each. It was quietly dropped in March.",
            "Honesty \"even when it costs us\" – but we still haven't told customers about the known billing bug.",
            "The wellbeing survey was run, the results were never shared, and nothing changed.",
            "Leaders say they care, but the only recognition is for hitting targets.",
            "Die Geschäftsleitung spricht von Wertschätzung, aber Überstunden werden einfach erwartet.",
            "On parle d'« une seule équipe », mais chaque département garde ses informations pour lui.",
            "Flexible working was announced, then every request in our team was refused.",
            "When a project fails the message is \"lessons learned\"; in practice someone gets the blame, and it's rarely a director.",
            "Decisions about our team arrive by e-mail on Friday afternoon. That's not how you treat people you care about.",
            "言っていることとやっていることが違う。特に働き方について。",
            "Mental health days exist on paper. Taking one is frowned upon.",
            "The honesty value is real in my experience, the wellbeing one is not.");

    private static final List<String> VALUES_AUDIT_POSITIVE_COMMENTS = List.of(
            "Honestly, they mostly do what they say. Last month's change to the refund policy is a good example.",
            "Our director turned down a profitable deal because it wasn't right for the customer. Words matched deeds.",
            "I can't think of a big one. Maybe explain better why plans change.",
            "The post-incident reviews really are blameless now, credit where it's due.",
            "They kept the promise of no redundancies this year, which earned a lot of trust.");

    private static final List<String> VALUES_AUDIT_SHORT_COMMENTS = List.of(
            "Wellbeing.",
            "Workload.",
            "Work-life balance.",
            "Recognition.",
            "Hard to say.",
            "Nothing specific.",
            "Overtime.",
            "Cross-team targets.");

    // ---- The earlier wave of the full survey (2026-Q2; survey.csv is 2026-Q4) ----

    /** The 2026-Q4 survey as a wave: the model exactly as described above. */
    private static final Wave WAVE_Q4 = new Wave("R_%04d", PAIRS, 0.0, NO_TRAIT_SHIFTS, COMMENT_RATE);

    /**
     * The real change: how much lower safety sits in 2026-Q2 than in 2026-Q4, for every respondent (scale
     * points). It moves safety alone, not the traits that load on it, but it does reach what safety drives:
     * the "do" answer on learning from mistakes and eNPS.
     */
    private static final double Q2_SAFETY_SHIFT = -0.33;
    /** The other real change: how much wider the say-do gap on learning from mistakes is in 2026-Q2. */
    private static final double Q2_MISTAKES_GAP_EXTRA = 0.35;
    /**
     * Calibration, not change. With this wave's seed, chance put the 300 respondents of 2026-Q2 about 0.1 scale
     * points below the 330 of 2026-Q4 on every index (the general mood), and customer empathy about 0.15 below;
     * these offsets cancel that draw, so that what is meant to be unchanged between the waves is (customer
     * empathy within 0.01, the other indices apart from safety within 0.1). Re-tune them if anything changes
     * the random stream of this wave.
     */
    private static final double Q2_MOOD_CALIBRATION = 0.12;
    private static final double Q2_EMPATHY_CALIBRATION = 0.07;
    /** Likewise: chance widened the empowerment pair's gap in 2026-Q2 by about 0.15; this narrows it back. */
    private static final double Q2_EMPOWERMENT_GAP_CALIBRATION = -0.15;

    /** 2026-Q2: safety lower and learning from mistakes with a wider say-do gap; the rest as in 2026-Q4. */
    private static final Wave WAVE_Q2 = new Wave("Q2_%04d",
            widenGaps(PAIRS, Map.of("learning_from_mistakes", Q2_MISTAKES_GAP_EXTRA,
                    "empowerment", Q2_EMPOWERMENT_GAP_CALIBRATION)),
            Q2_MOOD_CALIBRATION,
            traitShifts(Map.of(Trait.SAFETY, Q2_SAFETY_SHIFT, Trait.EMPATHY, Q2_EMPATHY_CALIBRATION)),
            SURVEY_Q2_COMMENT_RATE);

    /** Who answered in 2026-Q2: about 91% of each team (300 people), Legal again all 3. */
    private static final List<Turnout> SURVEY_Q2_TURNOUT = List.of(
            new Turnout(team("Customer Support"), 65, 0.0),
            new Turnout(team("Sales"), 44, 0.0),
            new Turnout(team("Onboarding"), 32, 0.0),
            new Turnout(team("Billing"), 26, 0.0),
            new Turnout(team("Product"), 37, 0.0),
            new Turnout(team("Field Service"), 52, 0.0),
            new Turnout(team("Marketing"), 22, 0.0),
            new Turnout(team("Data & Analytics"), 19, 0.0),
            new Turnout(team("Legal"), 3, 0.0));

    private static final List<String> SURVEY_Q2_CRITICAL_COMMENTS = List.of(
            "Nobody admits a mistake here any more. The last person who did was named in the all-hands.",
            "Customers wait days for a refund of €12 because three people have to sign it off.",
            "Leaders say \"mistakes are how we learn\", then the incident review is a hunt for whoever pressed the button.",
            "Support, Billing and Onboarding each have their own version of the customer. Pick one, please.",
            "I raised the escalation problem in March.\nIn June I was told it was \"not a priority\". It still isn't fixed.",
            "Weniger Angst vor Fehlern. Im Moment versteckt jeder seine Probleme, bis es zu spät ist.",
            "Qu'on puisse dire « je ne sais pas » sans passer pour incompétent.",
            "希望领导能先听完问题，而不是先找责任人。",
            "- fewer approvals\n- one CRM\n- tell us what happened to the last survey",
            "Stop ranking teams on ticket counts, it only teaches us to close tickets fast, not well.",
            "People keep quiet in meetings with the director present. Ask yourselves why.",
            "If something goes wrong on a Friday, we fix it quietly and hope nobody notices. That says it all.",
            "Happy to explain, call me on 0161 496 0000 any afternoon",
            "Let Product sit in on complaint calls. They have no idea what customers go through.",
            "Make it safe to push back on a deadline when it means letting the customer down.",
            "Training on the new billing system happened after go-live, so customers found the bugs before we did.",
            "Share the customer feedback with the field teams, not just the score.",
            "Managers should say \"thank you for telling me\" when we bring bad news, not \"why didn't you catch it?\"",
            "We need fewer priorities, and someone who says which one wins when they clash.",
            "ミスを報告しやすい雰囲気を作ってほしいです。",
            "Hand-offs between Sales and Onboarding lose half of what the customer told us.",
            "More people, honestly. We are stretched, and it shows in how we treat customers.",
            "Every post-mortem ends with a name. It should end with a fix.",
            "Give us the authority to fix small problems on the spot, credits, replacements, that kind of thing.",
            "Ask the front line before changing a process, we could have told you the new returns form would fail.",
            "Fewer status meetings, more time with customers.",
            "When I disagreed with my manager in a team meeting, it came up again in my review. I won't do that twice.",
            "Clear ownership for customer issues that span departments.",
            "Senior people should admit when they got something wrong. Then the rest of us could too.",
            "Die Kunden merken, dass Vertrieb und Support nicht miteinander reden.");

    private static final List<String> SURVEY_Q2_POSITIVE_COMMENTS = List.of(
            "Our team is fine, our lead backs us when things go wrong. I'd like that to be normal everywhere.",
            "Onboarding's 30-day call is great; other teams should copy it 👍",
            "Keep the customer stories on Fridays.",
            "The new escalation channel is a good start.",
            "Très bonne équipe, on s'entraide beaucoup.",
            "More listening sessions like the one in April, please.",
            "Good manager, clear goals. More contact with Product would help.",
            "We're getting better at sharing what customers tell us. Keep going.");

    private static final List<String> SURVEY_Q2_SHORT_COMMENTS = List.of(
            "More staff.",
            "Less blame.",
            "Fewer meetings.",
            "Nothing to add.",
            "More time per customer.",
            "Faster approvals.",
            "Better tools.",
            "More training.",
            "Clearer priorities.",
            "Fix the CRM.",
            "Listen to the front line.",
            "Shared goals.");

    private final SplittableRandom random;
    // Comments draw from their own stream, so editing the comment lists leaves every answer unchanged.
    private final SplittableRandom commentRandom;
    private final List<String> critical;
    private final List<String> positive;
    private final List<String> shortComments;

    /**
     * A generator for one file: answers are drawn from {@code seed}, comments from a stream split off it and
     * picked from the given lists (see {@link #comment}).
     */
    private GenerateExample(long seed, List<String> criticalComments, List<String> positiveComments,
            List<String> shortComments) {
        random = new SplittableRandom(seed);
        commentRandom = random.split();
        critical = shuffled(criticalComments);
        positive = shuffled(positiveComments);
        this.shortComments = shortComments;
    }

    public static void main(String[] args) throws IOException {
        // Java 17 compiles a source-file program in the platform charset (UTF-8 became the default only with
        // Java 18), so under a non-UTF-8 locale every non-ASCII literal here would be garbled: refuse instead.
        if (!"ó–ü🙌".equals("\u00f3\u2013\u00fc\uD83D\uDE4C")) {
            System.err.println("error: this file was read as " + Charset.defaultCharset() + ", not UTF-8; run it as "
                    + "java -Dfile.encoding=UTF-8 examples/GenerateExample.java");
            System.exit(2);
        }
        if (args.length > 1) {
            System.err.println("usage: java examples/GenerateExample.java [OUT.csv]");
            System.exit(2);
        }
        if (args.length == 1) {
            write(Path.of(args[0]), survey());
            return;
        }
        write(Path.of(SURVEY_OUT), survey());
        write(Path.of(PULSE_OUT), pulse());
        write(Path.of(VALUES_AUDIT_OUT), valuesAudit());
        write(Path.of(SURVEY_Q2_OUT), surveyQ2());
        Stores stores = new Stores();
        write(Path.of(STORES_OUT), stores.survey(STORES_SEED, "S4_%04d", 0.9, stores.q4));
        write(Path.of(STORES_Q2_OUT), stores.survey(STORES_Q2_SEED, "S2_%04d", 0.85, stores.q2));
        write(Path.of(OUTCOMES_OUT), stores.outcomes());
    }

    /** Each region as "Region: City=Street,Street; City=Street". */
    private static Map<String, Map<String, List<String>>> storeTree(String... regions) {
        Map<String, Map<String, List<String>>> tree = new LinkedHashMap<>();
        for (String region : regions) {
            String[] nameAndCities = region.split(": ");
            Map<String, List<String>> cities = new LinkedHashMap<>();
            for (String city : nameAndCities[1].split("; ")) {
                String[] nameAndStreets = city.split("=");
                List<String> stores = new ArrayList<>();
                for (String street : nameAndStreets[1].split(",")) {
                    stores.add(nameAndStreets[0] + " " + street);
                }
                cities.put(nameAndStreets[0], stores);
            }
            tree.put(nameAndCities[0], cities);
        }
        return tree;
    }

    /**
     * The retailer's stores: their sizes and culture effects, drawn once from {@link #STORE_EFFECTS_SEED}, so
     * both waves and the outcomes share them.
     */
    private static final class Stores {
        final List<Team> lasting = new ArrayList<>();
        final List<Team> q2 = new ArrayList<>();
        final List<Team> q4 = new ArrayList<>();
        final Map<String, String> city = new LinkedHashMap<>();

        Stores() {
            SplittableRandom random = new SplittableRandom(STORE_EFFECTS_SEED);
            STORE_TREE.forEach((region, cities) -> cities.forEach((town, stores) -> {
                for (String store : stores) {
                    int size = SMALL_STORES.contains(store) ? 6 : 8 + random.nextInt(13);
                    double[] effects = new double[Trait.values().length];
                    double[] early = new double[effects.length];
                    double[] late = new double[effects.length];
                    for (int t = 0; t < effects.length; t++) {
                        effects[t] = 0.3 * gaussian(random);
                        early[t] = effects[t] + 0.2 * gaussian(random);
                        late[t] = effects[t] + 0.2 * gaussian(random);
                    }
                    double[] here = {1.0, 0.0, 0.0, 0.0};
                    lasting.add(new Team(store, region, size, effects, here, false));
                    q2.add(new Team(store, region, size, early, here, false));
                    q4.add(new Team(store, region, size, late, here, false));
                    city.put(store, town);
                }
            }));
        }

        /** One wave: {@code share} of each store answers (4 of the small ones), in the effects of {@code teams}. */
        String survey(long seed, String idFormat, double share, List<Team> teams) {
            List<Turnout> turnouts = new ArrayList<>();
            for (Team team : teams) {
                int answering = SMALL_STORES.contains(team.name()) ? 4
                        : Math.max(5, (int) Math.round(team.size() * share));
                turnouts.add(new Turnout(team, answering, 0.0));
            }
            Wave wave = new Wave(idFormat, PAIRS, 0.0, NO_TRAIT_SHIFTS, STORES_COMMENT_RATE);
            return new GenerateExample(seed, CRITICAL_COMMENTS, POSITIVE_COMMENTS, SHORT_COMMENTS)
                    .writeSurvey(turnouts, wave, city);
        }

        /** Each store's outcomes per period, following its culture a wave earlier (see the comment above). */
        String outcomes() {
            SplittableRandom random = new SplittableRandom(OUTCOMES_SEED);
            List<List<String>> rows = new ArrayList<>();
            for (int s = 0; s < lasting.size(); s++) {
                rows.add(outcome(random, "2026-Q2", lasting.get(s)));
                rows.add(outcome(random, "2026-Q4", q2.get(s)));
            }
            rows.get(7).set(4, ""); // a CSAT survey that did not run: a missing value
            rows.get(30).set(2, "");
            rows.get(30).set(3, "");
            for (int i = rows.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                rows.set(i, rows.set(j, rows.get(i)));
            }
            StringBuilder csv = new StringBuilder();
            row(csv, List.of("team", "period", "customer_nps", "n_customer_nps", "csat", "n_csat", "churn_pct"));
            rows.forEach(fields -> row(csv, fields));
            return csv.toString();
        }

        private static List<String> outcome(SplittableRandom random, String period, Team culture) {
            double c = (culture.effects()[Trait.EMPATHY.ordinal()] + culture.effects()[Trait.SAFETY.ordinal()]) / 2;
            int customers = 60 + random.nextInt(341);
            return new ArrayList<>(List.of(culture.name(), period,
                    decimal(25 + 40 * c + 8 * gaussian(random), 1), Integer.toString(customers),
                    decimal(4.1 + 0.5 * c + 0.15 * gaussian(random), 2), Integer.toString(customers / 3),
                    decimal(Math.max(0, 9 - 6 * c + 1.5 * gaussian(random)), 1)));
        }

        private static String decimal(double value, int places) {
            return new java.math.BigDecimal(value).setScale(places, java.math.RoundingMode.HALF_EVEN).toPlainString();
        }
    }

    /** The full survey, for customer-centric-culture.yaml: wave 2026-Q4, every member of each team. */
    private static String survey() {
        List<Turnout> everyone = new ArrayList<>();
        for (Team team : TEAMS) {
            everyone.add(new Turnout(team, team.size(), 0.0));
        }
        return new GenerateExample(SEED, CRITICAL_COMMENTS, POSITIVE_COMMENTS, SHORT_COMMENTS)
                .writeSurvey(everyone, WAVE_Q4);
    }

    /** The earlier wave 2026-Q2 of the full survey, with the same questionnaire and columns. */
    private static String surveyQ2() {
        return new GenerateExample(SURVEY_Q2_SEED, SURVEY_Q2_CRITICAL_COMMENTS, SURVEY_Q2_POSITIVE_COMMENTS,
                SURVEY_Q2_SHORT_COMMENTS).writeSurvey(SURVEY_Q2_TURNOUT, WAVE_Q2);
    }

    /** The later pulse wave, for psych-safety-pulse.yaml. */
    private static String pulse() {
        return new GenerateExample(PULSE_SEED, PULSE_CRITICAL_COMMENTS, PULSE_POSITIVE_COMMENTS,
                PULSE_SHORT_COMMENTS).writePulse();
    }

    /** The values audit, for say-do-values-audit.yaml. */
    private static String valuesAudit() {
        return new GenerateExample(VALUES_AUDIT_SEED, VALUES_AUDIT_CRITICAL_COMMENTS, VALUES_AUDIT_POSITIVE_COMMENTS,
                VALUES_AUDIT_SHORT_COMMENTS).writeValuesAudit();
    }

    private static void write(Path out, String csv) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write(csv);
        }
        System.err.println("wrote " + out);
    }

    private String writeSurvey(List<Turnout> turnouts, Wave wave) {
        return writeSurvey(turnouts, wave, Map.of());
    }

    /** The survey; a team in {@code cities} is in that Location rather than one drawn from its weights. */
    private String writeSurvey(List<Turnout> turnouts, Wave wave, Map<String, String> cities) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("ResponseId", "Team", "Department", "Level", "Tenure",
                "Location"));
        for (IndexItem item : ITEMS) {
            header.add(item.header());
        }
        for (Pair pair : wave.pairs()) {
            header.add(pair.sayText());
            header.add(pair.doText());
        }
        header.add(ENPS_HEADER);
        header.add(CNPS_HEADER);
        header.add(COMMENT_HEADER);
        row(csv, header);

        List<Member> members = roster(turnouts);
        for (int n = 0; n < members.size(); n++) {
            List<String> fields = surveyRespondent(n + 1, members.get(n), wave);
            String city = cities.get(members.get(n).team().name());
            if (city != null) {
                fields.set(5, city);
                // a store has one or two managers: a Level column would single them out, and the disclosure
                // rules would hide every store (a store less its managers is the "Team member" level's part)
                fields.set(3, "");
            }
            row(csv, fields);
        }
        return csv.toString();
    }

    private List<String> surveyRespondent(int number, Member member, Wave wave) {
        Team team = member.team();
        boolean leader = member.leader();
        int tenure = pick(leader ? TENURE_WEIGHTS_LEADER : TENURE_WEIGHTS_MEMBER);
        int location = pick(team.locations());
        List<String> fields = new ArrayList<>();
        fields.add(String.format(Locale.ROOT, wave.idFormat(), number));
        fields.add(team.name());
        fields.add(team.department());
        fields.add(level(leader));
        fields.add(TENURES[tenure]);
        fields.add(LOCATIONS[location]);

        Latent latent = latent(member, tenure, location, wave.moodShift(), wave.traitShifts());
        for (IndexItem item : ITEMS) {
            fields.add(answer(item.mean(), item.reverse(), latent.get(item.trait())));
        }
        sayDo(fields, wave.pairs(), latent, leader, 0.0);

        double likelihood = 7.2 + 1.1 * latent.get(Trait.SAFETY) + 0.5 * latent.get(Trait.RECOGNITION)
                + 0.3 * latent.get(Trait.EMPATHY) + 1.5 * gaussian();
        fields.add(zeroToTen(likelihood, 0.0));

        double customers = 7.0 + 0.7 * latent.get(Trait.EMPATHY) + 0.5 * latent.get(Trait.ETHICS)
                + 0.5 * latent.get(Trait.ALIGNMENT) + 1.4 * gaussian();
        fields.add(zeroToTen(customers, CNPS_NOT_APPLICABLE_RATE));

        double contentment =
                (latent.get(Trait.SAFETY) + latent.get(Trait.EMPATHY) + latent.get(Trait.ALIGNMENT)) / 3.0;
        fields.add(maybeComment(wave.commentRate(), contentment));
        return fields;
    }

    private String writePulse() {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("ResponseId", "Team", "Level"));
        for (IndexItem item : PULSE_ITEMS) {
            header.add(item.header());
        }
        header.add(SPEAKING_UP.sayText());
        header.add(SPEAKING_UP.doText());
        header.add(PULSE_COMMENT_HEADER);
        row(csv, header);

        List<Member> members = roster(PULSE_TURNOUT);
        for (int n = 0; n < members.size(); n++) {
            Member member = members.get(n);
            Latent latent = latent(member);
            List<String> fields = new ArrayList<>(List.of(String.format(Locale.ROOT, "P_%04d", n + 1),
                    member.team().name(), level(member.leader())));
            for (IndexItem item : PULSE_ITEMS) {
                fields.add(answer(item.mean(), item.reverse(), latent.get(item.trait())));
            }
            sayDo(fields, List.of(SPEAKING_UP), latent, member.leader(), 0.0);
            fields.add(maybeComment(PULSE_COMMENT_RATE, latent.get(Trait.SAFETY)));
            row(csv, fields);
        }
        return csv.toString();
    }

    private String writeValuesAudit() {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("ResponseId", "Team", "Level"));
        for (Pair pair : VALUE_PAIRS) {
            header.add(pair.sayText());
            header.add(pair.doText());
        }
        for (PlainItem item : INTEGRITY_ITEMS) {
            header.add(item.text());
        }
        header.add(VALUES_AUDIT_COMMENT_HEADER);
        row(csv, header);

        List<Member> members = roster(VALUES_AUDIT_TURNOUT);
        for (int n = 0; n < members.size(); n++) {
            Member member = members.get(n);
            Latent latent = latent(member);
            List<String> fields = new ArrayList<>(List.of(String.format(Locale.ROOT, "A_%04d", n + 1),
                    member.team().name(), level(member.leader())));
            // How far this respondent sees leaders follow through on their word: it drives the integrity items
            // and lifts every "do" answer.
            double followThrough = 0.4 * latent.get(Trait.TRUST) + 0.3 * latent.mood()
                    + (member.leader() ? 0.3 : 0.0) + 0.45 * gaussian();
            sayDo(fields, VALUE_PAIRS, latent, member.leader(), 0.4 * followThrough);
            for (PlainItem item : INTEGRITY_ITEMS) {
                fields.add(answer(item.mean(), item.reverse(), followThrough));
            }
            fields.add(maybeComment(VALUES_AUDIT_COMMENT_RATE, followThrough));
            row(csv, fields);
        }
        return csv.toString();
    }

    /** The members of each team who answer, leaders first, then shuffled into submission order. */
    private List<Member> roster(List<Turnout> turnouts) {
        List<Member> members = new ArrayList<>();
        for (Turnout turnout : turnouts) {
            int leaders = Math.max(1, (int) Math.round(turnout.size() * LEADER_SHARE));
            for (int i = 0; i < turnout.size(); i++) {
                members.add(new Member(turnout.team(), i < leaders, turnout.safetyShift()));
            }
        }
        for (int i = members.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            members.set(i, members.set(j, members.get(i)));
        }
        return members;
    }

    /** Draws a tenure and location the same way as for the full survey (not written out), then the traits. */
    private Latent latent(Member member) {
        int tenure = pick(member.leader() ? TENURE_WEIGHTS_LEADER : TENURE_WEIGHTS_MEMBER);
        int location = pick(member.team().locations());
        return latent(member, tenure, location, 0.0, NO_TRAIT_SHIFTS);
    }

    /**
     * Latent traits in scale points around 0. Safety: general mood + team + leader bonus + noise (+ the team's
     * shift since the full survey); every other trait: its loading on safety + the same mood + its own team
     * effect, extra leader bonus and noise. {@code moodShift} moves the mood; {@code traitShifts} (in {@link Trait}
     * order) then move each trait on its own, after the others have taken their level from safety.
     */
    private Latent latent(Member member, int tenure, int location, double moodShift, double[] traitShifts) {
        Team team = member.team();
        boolean leader = member.leader();
        double mood = 0.45 * gaussian() + TENURE_MOOD[tenure] + LOCATION_MOOD[location] + moodShift;
        double camp = team.polarised() ? (random.nextBoolean() ? 1.0 : -1.0) : 0.0;
        double safety = team.effects()[Trait.SAFETY.ordinal()] + 1.4 * camp + (leader ? 0.55 : 0.0) + mood
                + 0.55 * gaussian() + member.safetyShift();
        Map<Trait, Double> traits = new EnumMap<>(Trait.class);
        traits.put(Trait.SAFETY, safety + traitShifts[Trait.SAFETY.ordinal()]);
        for (Trait trait : Trait.values()) {
            if (trait == Trait.SAFETY) {
                continue;
            }
            double level = trait.safetyLoading * safety + 0.6 * mood + team.effects()[trait.ordinal()]
                    + trait.campLoading * camp + (leader ? trait.leaderBonus : 0.0) + 0.5 * gaussian();
            if (trait == Trait.ALIGNMENT) {
                level += LOCATION_ALIGNMENT[location];
            }
            traits.put(trait, level + traitShifts[trait.ordinal()]);
        }
        return new Latent(mood, traits);
    }

    /**
     * Answers an agree item with keyed mean {@code mean} for a respondent at {@code level} on what it measures.
     * Agreement with a reverse-worded statement runs the other way (keyed = 1 + 5 - answer), so a respondent
     * high on the trait disagrees with it.
     */
    private String answer(double mean, boolean reverse, double level) {
        double keyed = mean + level;
        double agreement = reverse ? 6.0 - keyed : keyed;
        return agree(agreement + 0.8 * gaussian());
    }

    /**
     * Answers say-do pairs. "Say" is how the respondent hears leaders talk, shared by all pairs; "do" sits the
     * pair's gap below it (0.4 less for leaders), rises with the pair's driver trait and by {@code doShift}.
     */
    private void sayDo(List<String> fields, List<Pair> pairs, Latent latent, boolean leader, double doShift) {
        double heard = 0.5 * latent.mood() + 0.45 * gaussian() + (leader ? 0.2 : 0.0);
        for (Pair pair : pairs) {
            double gap = leader ? pair.gap() - 0.4 : pair.gap();
            fields.add(agree(pair.sayMean() + heard + 0.55 * gaussian()));
            fields.add(agree(pair.sayMean() - gap + heard + 0.5 * latent.get(pair.driver()) + 0.6 * gaussian()
                    + doShift));
        }
    }

    /**
     * With probability {@code rate} a comment, critical or positive as the respondent's {@code contentment}
     * (give or take some noise) is below or above 0.3; otherwise blank.
     */
    private String maybeComment(double rate, double contentment) {
        if (commentRandom.nextDouble() >= rate) {
            return "";
        }
        return comment(contentment + 0.3 * gaussian(commentRandom) > 0.3);
    }

    /** {@code pairs} with the gap of each pair named in {@code extra} widened by that much. */
    private static List<Pair> widenGaps(List<Pair> pairs, Map<String, Double> extra) {
        return pairs.stream()
                .map(pair -> new Pair(pair.id(), pair.sayText(), pair.doText(), pair.sayMean(),
                        pair.gap() + extra.getOrDefault(pair.id(), 0.0), pair.driver()))
                .toList();
    }

    /** Shifts per trait in {@link Trait} order, zero for the traits not given. */
    private static double[] traitShifts(Map<Trait, Double> shifts) {
        double[] result = new double[Trait.values().length];
        shifts.forEach((trait, shift) -> result[trait.ordinal()] = shift);
        return result;
    }

    private static Team team(String name) {
        for (Team team : TEAMS) {
            if (team.name().equals(name)) {
                return team;
            }
        }
        throw new IllegalArgumentException("no team " + name);
    }

    private static String level(boolean leader) {
        return leader ? "Leader" : "Team member";
    }

    /** Rounds a latent agreement to the agree scale and writes its label, blank or "N/A". */
    private String agree(double latent) {
        int value = clamp((int) Math.floor(latent + 0.5), 1, 5);
        double u = random.nextDouble();
        if (u < BLANK_RATE) {
            return "";
        }
        if (u < BLANK_RATE + NOT_APPLICABLE_RATE) {
            return "N/A";
        }
        return AGREE[value - 1];
    }

    /** Rounds a latent 0-10 answer and writes it as a number, blank or (with {@code notApplicable}) "N/A". */
    private String zeroToTen(double latent, double notApplicable) {
        int value = clamp((int) Math.floor(latent + 0.5), 0, 10);
        double u = random.nextDouble();
        if (u < BLANK_RATE) {
            return "";
        }
        if (u < BLANK_RATE + notApplicable) {
            return "N/A";
        }
        return Integer.toString(value);
    }

    /** An index drawn with the given relative weights. */
    private int pick(double[] weights) {
        double total = 0.0;
        for (double weight : weights) {
            total += weight;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0.0 && weights[i] > 0.0) {
                return i;
            }
        }
        int last = weights.length - 1;
        while (weights[last] <= 0.0) {
            last--;
        }
        return last;
    }

    /** Picks a comment; each longer one is used once, so every special case in the lists appears. */
    private String comment(boolean contented) {
        List<String> first = contented ? positive : critical;
        List<String> second = contented ? critical : positive;
        // Mostly from the matching pool; some short generic answers throughout, and only those at the end.
        if (commentRandom.nextDouble() < 0.15) {
            return shortComments.get(commentRandom.nextInt(shortComments.size()));
        }
        if (!first.isEmpty()) {
            return first.remove(first.size() - 1);
        }
        if (!second.isEmpty() && commentRandom.nextBoolean()) {
            return second.remove(second.size() - 1);
        }
        return shortComments.get(commentRandom.nextInt(shortComments.size()));
    }

    private List<String> shuffled(List<String> source) {
        List<String> list = new ArrayList<>(source);
        for (int i = list.size() - 1; i > 0; i--) {
            int j = commentRandom.nextInt(i + 1);
            list.set(i, list.set(j, list.get(i)));
        }
        return list;
    }

    /** A standard normal deviate by Box–Muller, with StrictMath so every JVM gives the same bits. */
    private double gaussian() {
        return gaussian(random);
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble(); // in (0, 1], so the logarithm is finite
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /** Appends one record, quoting fields as RFC 4180 requires and only then. */
    private static void row(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String field = fields.get(i);
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0) {
                csv.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(field);
            }
        }
        csv.append('\n');
    }
}
