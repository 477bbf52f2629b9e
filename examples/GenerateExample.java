/*
 * Generates examples/survey.csv: a made-up but realistic generic CSV export of the bundled
 * questionnaires/customer-centric-culture.yaml, used by the README quick start and the examples test.
 *
 * Regenerate from the repository root (Java 17, no dependencies):
 *
 *     java examples/GenerateExample.java                  # writes examples/survey.csv
 *     java examples/GenerateExample.java OTHER.csv        # writes OTHER.csv
 *
 * The output is byte-for-byte deterministic: a fixed seed for SplittableRandom, StrictMath for the normal
 * deviates, no clock, no locale-dependent formatting, UTF-8 without BOM and "\n" line endings.
 *
 * What is in it (all of it invented; no real people):
 *   - 330 respondents (ResponseId R_0001 ...), in 9 teams of uneven size, one of which ("Legal", 3 people) is
 *     below the questionnaire's minGroupSize of 5; about 15% answer Level "Leader", the rest "Team member".
 *   - A latent-trait model: each respondent has a safety, empathy and alignment level made of a general
 *     mood, a team effect, a leader bonus (the perception gap) and individual noise. Onboarding is the bright
 *     spot, Billing the hot spot, Field Service is polarised (its members sit near both ends), and Product and
 *     Data & Analytics are lower on customer empathy. Reverse-worded items are answered in the opposite
 *     direction, so a respondent high on safety disagrees with them.
 *   - Say and do: every "do" item sits below its "say" item (by 0.8, 1.2 and 0.7 scale points in the model,
 *     somewhat less once answers hit the top of the scale; learning from mistakes has the largest gap), and
 *     by 0.4 less for leaders. eNPS (0-10) rises mostly with safety.
 *   - Agree answers are written as scale labels, about 2% blank and 0.5% "N/A"; eNPS as a number, 2% blank.
 *   - Headers are the item texts, except safety_4, empathy_3 and enps, which use the item id, so both column
 *     matching modes are exercised.
 *   - About 40% leave a comment; the comments include commas, double quotes, embedded newlines, non-ASCII text
 *     (German, French, Chinese, Japanese, emoji), one that starts with "-" and one fake e-mail address.
 */

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Writes the example survey export; see the comment above for what it contains. */
public final class GenerateExample {

    private static final long SEED = 0x5EED_C0FFEEL;
    private static final String DEFAULT_OUT = "examples/survey.csv";

    private static final String[] AGREE = {
        "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"
    };
    private static final double BLANK_RATE = 0.02;
    private static final double NOT_APPLICABLE_RATE = 0.005;
    private static final double COMMENT_RATE = 0.40;
    private static final double LEADER_SHARE = 0.15;

    /** Which latent trait drives an index item. */
    private enum Trait { SAFETY, EMPATHY, ALIGNMENT }

    /**
     * An index item; {@code mean} is the keyed mean (agree scale) for an average respondent, and the header is
     * the item text unless {@code byId}.
     */
    private record IndexItem(String id, String text, Trait trait, double mean, boolean reverse, boolean byId) {
        String header() {
            return byId ? id : text;
        }
    }

    /** A say-do pair; {@code gap} is how much lower "do" sits than "say" for a team member. */
    private record Pair(String sayText, String doText, double sayMean, double gap, Trait driver) {}

    /** A team, its size and its effects on the three traits; {@code polarised} splits it into two camps. */
    private record Team(String name, int size, double safety, double empathy, double alignment, boolean polarised) {}

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
                    Trait.ALIGNMENT, 2.8, true, false));

    private static final List<Pair> PAIRS = List.of(
            new Pair("Our leaders say that customers come first.",
                    "Our leaders' decisions show that customers come first.", 4.2, 0.8, Trait.EMPATHY),
            new Pair("Our leaders say that mistakes are a chance to learn.",
                    "Our leaders' decisions show that mistakes are treated as a chance to learn.", 3.9, 1.2,
                    Trait.SAFETY),
            new Pair("Our leaders say that they care about employees' wellbeing.",
                    "Our leaders' decisions show that they care about employees' wellbeing.", 3.8, 0.7,
                    Trait.ALIGNMENT));

    private static final String ENPS_HEADER = "enps"; // matched by id
    private static final String COMMENT_HEADER = "What one thing would make it easier to put customers first here?";

    private static final List<Team> TEAMS = List.of(
            new Team("Customer Support", 71, 0.0, 0.3, 0.0, false),
            new Team("Sales", 48, 0.1, -0.1, -0.2, false),
            new Team("Onboarding", 35, 0.9, 0.7, 0.8, false),
            new Team("Billing", 29, -0.8, -0.4, -0.7, false),
            new Team("Product", 41, 0.1, -0.4, 0.1, false),
            new Team("Field Service", 57, 0.0, 0.1, -0.1, true),
            new Team("Marketing", 24, 0.1, 0.2, 0.2, false),
            new Team("Data & Analytics", 22, 0.3, -0.5, 0.0, false),
            new Team("Legal", 3, 0.0, -0.2, 0.1, false));

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

    private final SplittableRandom random = new SplittableRandom(SEED);
    // Comments draw from their own stream, so editing the comment lists leaves every answer unchanged.
    private final SplittableRandom commentRandom = random.split();
    private final List<String> critical;
    private final List<String> positive;

    private GenerateExample() {
        critical = shuffled(CRITICAL_COMMENTS);
        positive = shuffled(POSITIVE_COMMENTS);
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 1) {
            System.err.println("usage: java examples/GenerateExample.java [OUT.csv]");
            System.exit(2);
        }
        Path out = Path.of(args.length == 1 ? args[0] : DEFAULT_OUT);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        StringBuilder csv = new StringBuilder();
        new GenerateExample().write(csv);
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write(csv.toString());
        }
        System.err.println("wrote " + out);
    }

    private void write(StringBuilder csv) {
        List<String> header = new ArrayList<>(List.of("ResponseId", "Team", "Level"));
        for (IndexItem item : ITEMS) {
            header.add(item.header());
        }
        for (Pair pair : PAIRS) {
            header.add(pair.sayText());
            header.add(pair.doText());
        }
        header.add(ENPS_HEADER);
        header.add(COMMENT_HEADER);
        row(csv, header);

        // Members of each team, leaders first, then shuffled into submission order.
        List<Team> teamOf = new ArrayList<>();
        List<Boolean> leaderOf = new ArrayList<>();
        for (Team team : TEAMS) {
            int leaders = Math.max(1, (int) Math.round(team.size() * LEADER_SHARE));
            for (int i = 0; i < team.size(); i++) {
                teamOf.add(team);
                leaderOf.add(i < leaders);
            }
        }
        int[] order = new int[teamOf.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }

        for (int n = 0; n < order.length; n++) {
            Team team = teamOf.get(order[n]);
            boolean leader = leaderOf.get(order[n]);
            row(csv, respondent(n + 1, team, leader));
        }
    }

    private List<String> respondent(int number, Team team, boolean leader) {
        List<String> fields = new ArrayList<>();
        fields.add(String.format(Locale.ROOT, "R_%04d", number));
        fields.add(team.name());
        fields.add(leader ? "Leader" : "Team member");

        // Latent traits in scale points around 0: general mood + team + leader bonus + individual noise.
        double mood = 0.45 * gaussian();
        double camp = team.polarised() ? (random.nextBoolean() ? 1.0 : -1.0) : 0.0;
        double safety = team.safety() + 1.4 * camp + (leader ? 0.55 : 0.0) + mood + 0.55 * gaussian();
        double empathy = team.empathy() + 1.0 * camp + (leader ? 0.35 : 0.0) + 0.6 * mood + 0.55 * gaussian();
        double alignment = team.alignment() + 1.1 * camp + (leader ? 0.4 : 0.0) + 0.6 * mood + 0.55 * gaussian();

        for (IndexItem item : ITEMS) {
            double trait = switch (item.trait()) {
                case SAFETY -> safety;
                case EMPATHY -> empathy;
                case ALIGNMENT -> alignment;
            };
            double keyed = item.mean() + trait;
            // Agreement with a reverse-worded statement runs the other way: keyed = 1 + 5 - answer.
            double agreement = item.reverse() ? 6.0 - keyed : keyed;
            fields.add(agree(agreement + 0.65 * gaussian()));
        }

        // How respondents hear leaders talk, shared by the three "say" items.
        double heard = 0.5 * mood + 0.45 * gaussian() + (leader ? 0.2 : 0.0);
        for (Pair pair : PAIRS) {
            double driver = switch (pair.driver()) {
                case SAFETY -> safety;
                case EMPATHY -> empathy;
                case ALIGNMENT -> alignment;
            };
            double gap = leader ? pair.gap() - 0.4 : pair.gap();
            fields.add(agree(pair.sayMean() + heard + 0.55 * gaussian()));
            fields.add(agree(pair.sayMean() - gap + heard + 0.5 * driver + 0.6 * gaussian()));
        }

        double likelihood = 7.3 + 1.5 * safety + 0.5 * empathy + 1.5 * gaussian();
        if (random.nextDouble() < BLANK_RATE) {
            fields.add("");
        } else {
            fields.add(Integer.toString(clamp((int) Math.floor(likelihood + 0.5), 0, 10)));
        }

        String comment = "";
        if (commentRandom.nextDouble() < COMMENT_RATE) {
            double contentment = (safety + empathy + alignment) / 3.0 + 0.3 * gaussian(commentRandom);
            comment = comment(contentment > 0.3);
        }
        fields.add(comment);
        return fields;
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

    /** Picks a comment; each longer one is used once, so every special case in the lists appears. */
    private String comment(boolean contented) {
        List<String> first = contented ? positive : critical;
        List<String> second = contented ? critical : positive;
        // Mostly from the matching pool; some short generic answers throughout, and only those at the end.
        if (commentRandom.nextDouble() < 0.15) {
            return SHORT_COMMENTS.get(commentRandom.nextInt(SHORT_COMMENTS.size()));
        }
        if (!first.isEmpty()) {
            return first.remove(first.size() - 1);
        }
        if (!second.isEmpty() && commentRandom.nextBoolean()) {
            return second.remove(second.size() - 1);
        }
        return SHORT_COMMENTS.get(commentRandom.nextInt(SHORT_COMMENTS.size()));
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
