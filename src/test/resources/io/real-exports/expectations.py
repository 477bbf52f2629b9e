#!/usr/bin/env python3
"""Independent reference for the real-export test cases: writes <case>/questionnaire.yaml and <case>/expected.json.

Each case folder holds export.csv, a byte-exact copy of a real survey-platform export (see its SOURCES.md).
This script is the single source of the cases' questionnaires (CASES below): it writes them out as YAML, then
reads each export.csv with Python's csv module, applies culturekit's row rules as the contract states them
(docs/questionnaires.md-§4 and the platform rules listed in read_rows), and writes what culturekit must report.

It shares no code with culturekit, uses the standard library only, and is deterministic: running it twice
leaves every file byte-identical. It refuses to write anything if an answer in a mapped column is not a label,
alias or not-applicable entry of the item's scale, so the expectations never rest on unreadable cells.

    python3 expectations.py            # rewrite questionnaire.yaml and expected.json of every case
    python3 expectations.py --answers  # also print every distinct answer per mapped column and its value
"""

import csv
import io
import json
import os
import sys
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))

PARTIAL = "partial response"
PREVIEW = "survey preview or test"
EMPTY = "empty: no answers"
UNPARSEABLE = "unparseable: no answer could be read"
DUPLICATE = "duplicate respondent id"

NA = "n/a"  # what read_answer returns for a not-applicable answer (missing, but not unreadable)
UNKNOWN = "unknown"  # what read_answer returns for text the scale does not know

REPORTING = {"minGroupSize": 3, "minCommentGroupSize": 3}

# ---------------------------------------------------------------------------------------------------------------
# The cases. Item 'text' is the column's header text exactly as the file has it (row 2 for Qualtrics) unless a
# note says otherwise; 'columns' names a row-1 code or ImportId. 'col' is only for this script: the 0-based
# column the item must map to, checked against the header below.
# ---------------------------------------------------------------------------------------------------------------

CASES = [
    {
        "case": "qualtrics-current",
        "layout": "qualtrics-current",
        "title": "Real export: Qualtrics current format (qualtRics sample.csv)",
        "notes": [
            "Qualtrics current layout: row 1 export tags, row 2 labels (German here), row 3 ImportId JSON;",
            "numeric export (Status 0, Finished 1), one response. The only question with closed answers is Q1,",
            "so the second item maps the metadata column Progress (0-100), by its German row-2 label. Q1 is",
            "matched by its ImportId (QID1), Progress by its row-2 text, the segment by its row-1 code and the",
            "free-text Q2 (a comment) by its row-2 text. The survey's choice labels are not in the file, so the",
            "choice scale has none: the export holds recode 2, read as a number in range.",
        ],
        "scales": {
            "choice": {"min": 1, "max": 2},
            "percent": {"min": 0, "max": 100},
        },
        "items": [
            {"id": "mc_choice", "text": "This is a multiple choice question.", "scale": "choice",
             "columns": ["QID1"], "col": 17},
            {"id": "progress_pct", "text": "Aktueller Stand", "scale": "percent", "col": 4},
            {"id": "free_text", "text": "This is a free text question.", "scale": "text", "col": 18},
        ],
        "indices": [
            {"id": "choice", "name": "Multiple choice", "items": ["mc_choice"]},
            {"id": "completion", "name": "Survey progress", "items": ["progress_pct"]},
        ],
        "segments": [{"id": "language", "column": "UserLanguage", "col": 16}],
        "comments": ["free_text"],
    },
    {
        "case": "qualtrics-legacy",
        "layout": "qualtrics-legacy",
        "title": "Real export: Qualtrics legacy format (qualtRics sample_legacy.csv)",
        "notes": [
            "Qualtrics legacy layout: UTF-8 BOM, row 1 V1..V10 and question ids, row 2 names and question",
            "texts, a trailing comma (empty last column) on every line; one response. The only question with",
            "closed answers is Q1, so the second item maps the metadata column Finished (1 = True), by its",
            "row-2 name (which is also the item id). Q1 is matched by its row-1 code, the free-text Q2 (a",
            "comment) by its row-2 text.",
        ],
        "scales": {
            "choice": {"min": 1, "max": 2},
            "finished": {"min": 0, "max": 1, "labels": ["False", "True"]},
        },
        "items": [
            {"id": "mc_choice", "text": "This is a multiple choice question.", "scale": "choice",
             "columns": ["Q1"], "col": 10},
            {"id": "finished", "text": "Finished", "scale": "finished", "col": 9},
            {"id": "free_text", "text": "This is a free text question.", "scale": "text", "col": 11},
        ],
        "indices": [
            {"id": "choice", "name": "Multiple choice", "items": ["mc_choice"]},
        ],
        "segments": [],
        "comments": ["free_text"],
    },
    {
        "case": "google-forms",
        "layout": "one-row",
        "title": "Real export: Google Forms via Sheets (2016 Jupyter education survey)",
        "notes": [
            "Google Forms responses downloaded from the linked Sheet: one header row starting Timestamp,",
            "CRLF records with LF breaks inside quoted answers, 125 responses.",
            "'How often is this course taught?' had an 'Other' option: its write-ins are aliases where they",
            "name a frequency on the scale and not-applicable where they do not (as is 'Ad-hoc').",
        ],
        "scales": {
            "taught": {
                "min": 1, "max": 5,
                "labels": ["Once", "Every two years", "Every year", "Every semester / quarter",
                           "Semi-continuously (e.g. a MOOC)"],
                "notApplicable": [
                    "Ad-hoc (e.g. workshops)",
                    "Online Screencast",
                    "It is a new course that was taught for two semesters in the 2015-16 academic year."
                    " The future is TBD.",
                ],
                "aliases": {
                    "Every other year": 2,
                    "Fall Semester of Even Numbered Years": 2,
                    "Twice a year": 4,
                    "Continuously via URLs above and via private training": 5,
                },
            },
            "class_size": {
                "min": 1, "max": 7,
                "labels": ["Less than 10", "10 - 25", "25 - 50", "50 - 100", "100 - 250", "250 - 500",
                           "More than 500"],
            },
            "experience": {
                "min": 1, "max": 4,
                "labels": ["Complete novice (no experience)", "Novice (~1 semester of experience)",
                           "Intermediate (a year of experience)", "Advanced (2-3 years of experience)"],
            },
        },
        "items": [
            {"id": "taught", "text": "How often is this course taught?", "scale": "taught", "col": 6},
            {"id": "class_size", "text": "Approximately how many students are in your class?",
             "scale": "class_size", "col": 7},
            {"id": "prior_experience",
             "text": "What is the minimum level of programming experience that your students are expected to be at?",
             "scale": "experience", "col": 9},
        ],
        "indices": [
            {"id": "teaching_frequency", "name": "How often the course is taught", "items": ["taught"]},
            {"id": "size", "name": "Class size", "items": ["class_size"]},
        ],
        "segments": [
            {"id": "access",
             "column": "If you are using the notebook, how do students access it? (i.e. where is it installed?)",
             "col": 14},
        ],
        "comments": [],
    },
    {
        "case": "surveymonkey",
        "layout": "one-row",
        "title": "Real export: SurveyMonkey, header merged by its authors (2020 Jupyter survey)",
        "notes": [
            "The authors merged SurveyMonkey's two header rows into one, so this reads as a generic one-row",
            "header; 'Respondent ID' is named as the respondent id so duplicates would be excluded (there are",
            "none in these 40 records). Answers carry non-breaking spaces ('(2)<NBSP>Minor.',",
            "'usage;<NBSP>less'); the labels below use plain spaces, so they match only if whitespace is",
            "folded. The problem items are reverse keyed: a high keyed value means 'not a problem'.",
            "One respondent answered every mapped item not-applicable: the row is scored (it is not empty)",
            "but adds to no item or index figure.",
        ],
        "scales": {
            "usage": {
                "min": 1, "max": 4,
                "labels": ["Monthly.", "Weekly.", "Daily - moderate usage; less than 3 hours per day.",
                           "Daily - heavy usage; 3+ hours per day."],
                "notApplicable": ["I have never used Jupyter.", "I no longer use Jupyter."],
            },
            "met": {
                "min": 1, "max": 3,
                "labels": ["No.", "Neutral.", "Yes."],
                "favorable": [3],
                "notApplicable": ["Does not apply."],
            },
            "severity": {
                "min": 0, "max": 4,
                "labels": ["(0) Not a problem for me.", "(1) Trivial.", "(2) Minor.", "(3) Major.",
                           "(4) Critical."],
                "notApplicable": ["N/A - skip, don't know."],
            },
        },
        "items": [
            {"id": "usage", "text": "1. How frequently do you use Jupyter?", "scale": "usage", "col": 1},
            {"id": "met_cleaning",
             "text": "7b2. Cleaning and preparing data. - Has Jupyter met your expectations for this use case?",
             "scale": "met", "col": 69},
            {"id": "met_visualising",
             "text": "7e2. Visualize data in charts, plots, or dashboards. - Has Jupyter met your expectations"
                     " for this use case?",
             "scale": "met", "col": 78},
            {"id": "problem_memory", "text": "10a. Data is too big to fit into memory on my machine/ server.",
             "scale": "severity", "reverse": True, "col": 126},
            {"id": "problem_variables", "text": "10c. Can\u2019t see a list of my current variables.",
             "scale": "severity", "reverse": True, "col": 128},
        ],
        "indices": [
            {"id": "expectations", "name": "Jupyter meets expectations",
             "items": ["met_cleaning", "met_visualising"]},
            {"id": "pain_free", "name": "Free of data-handling problems",
             "items": ["problem_memory", "problem_variables"]},
        ],
        "segments": [
            {"id": "tenure", "column": "2. How long have you been using Jupyter?", "col": 2},
        ],
        "respondentId": {"column": "Respondent ID", "col": 0},
        "comments": [],
    },
    {
        "case": "alchemer",
        "layout": "alchemer",
        "title": "Real export: Alchemer / SurveyGizmo (2015 Jupyter notebook UX survey)",
        "notes": [
            "SurveyGizmo export: every field quoted, LF, Status Complete/Partial (Partial rows are excluded),",
            "non-breaking spaces in headers. 'How many years have you been in this role?' is written without",
            "the header's trailing non-breaking space (it must be trimmed); the audience item's text is the",
            "header exactly, its non-breaking spaces written as \\u00a0.",
        ],
        "scales": {
            "frequency": {
                "min": 1, "max": 4,
                "labels": ["Less often than monthly", "Monthly", "Weekly", "Daily"],
            },
            "tenure": {
                "min": 0, "max": 1,
                "labels": ["Less than one year", "One year or more"],
            },
            "years": {
                "min": 1, "max": 4,
                "labels": ["Less than 1 year", "1 year", "2-5 years", "5+ years"],
            },
            "audience": {
                "min": 1, "max": 4,
                "labels": ["Under ten", "Tens", "Hundreds", "Thousands"],
            },
        },
        "items": [
            {"id": "use_frequency", "text": "How often do you use Jupyter Notebook?", "scale": "frequency",
             "col": 3},
            {"id": "notebook_tenure", "text": "Roughly how long have you been using Jupyter Notebook?",
             "scale": "tenure", "col": 5},
            {"id": "years_in_role", "text": "How many years have you been in this role?", "scale": "years",
             "col": 32},
            {"id": "audience",
             "text": "How many people typically see and/or interact with the results of your\u00a0work in Jupyter"
                     " Notebook? (Consider people who view your notebooks on nbviewer, colleagues who"
                     " rerun\u00a0your notebooks, developers who star your notebook repos on GitHub, audiences who"
                     " see your\u00a0notebooks as slideshows, etc.)",
             "scale": "audience", "col": 36},
        ],
        "indices": [
            {"id": "usage", "name": "How often Jupyter Notebook is used", "items": ["use_frequency"]},
            {"id": "reach", "name": "How many people see the work", "items": ["audience"]},
        ],
        "segments": [
            {"id": "run_mode", "column": "How do you run the Jupyter Notebook?", "col": 9},
        ],
        "comments": [],
    },
]

# ---------------------------------------------------------------------------------------------------------------
# Text comparison, as the contract states it: trimmed, case-insensitive, runs of whitespace (including
# non-breaking spaces) folded.
# ---------------------------------------------------------------------------------------------------------------


def key(text):
    return " ".join(text.split()).lower()


# ---------------------------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------------------------

HEADER_ROWS = {"qualtrics-current": 3, "qualtrics-legacy": 2, "one-row": 1, "alchemer": 1}


def read_table(path):
    """The export's records; strict UTF-8, and a leading BOM is not part of the first header."""
    with open(path, "rb") as f:
        text = f.read().decode("utf-8-sig")
    # newline="" keeps line breaks inside quoted answers as they are
    return list(csv.reader(io.StringIO(text, newline="")))


def header_names(case, header):
    """Every name a column may be matched by, per column, as culturekit's contract describes them."""
    layout = case["layout"]
    names = []
    for c in range(len(header[0])):
        if layout == "qualtrics-current":
            import_id = json.loads(header[2][c])["ImportId"]
            names.append([header[0][c], header[1][c], import_id])
        elif layout == "qualtrics-legacy":
            names.append([header[0][c], header[1][c]])
        else:
            names.append([header[0][c]])
    return names


def find_column(names, candidates):
    """The one column the first matching candidate names (exact keys only), or None."""
    for candidate in candidates:
        hits = sorted({c for c, column in enumerate(names) for n in column if key(n) and key(n) == key(candidate)})
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise SystemExit("ambiguous column for %r: %s" % (candidate, hits))
    return None


def metadata(names, row, *headers):
    for header in headers:
        for c, column in enumerate(names):
            if any(key(n) == key(header) for n in column):
                return row[c]
    return None


def platform_exclusion(case, names, row):
    layout = case["layout"]
    if layout.startswith("qualtrics"):
        status = metadata(names, row, "Status", "Response Type")
        if status is not None:
            s = status.strip().lower()
            if s in ("survey preview", "1", "survey test", "2"):
                return PREVIEW
            if s in ("spam", "8"):
                return "flagged as spam by the platform"
        finished = metadata(names, row, "Finished")
        if finished is not None and finished.strip().lower() in ("false", "0"):
            return PARTIAL
    elif layout == "alchemer":
        status = metadata(names, row, "Status")
        s = (status or "").strip().lower()
        if s == "partial":
            return PARTIAL
        if s == "test":
            return PREVIEW
        if s == "disqualified":
            return "disqualified by the platform"
        if s == "deleted":
            return "deleted on the platform"
    return None


def read_answer(scale, cell):
    """The raw value of a non-blank cell, NA, or UNKNOWN."""
    k = key(cell)
    for v in range(scale["min"], scale["max"] + 1):
        if k == str(v):
            return v
    for i, label in enumerate(scale.get("labels", [])):
        if k == key(label):
            return scale["min"] + i
    for alias, v in scale.get("aliases", {}).items():
        if k == key(alias):
            return v
    if any(k == key(word) for word in scale.get("notApplicable", [])):
        return NA
    return UNKNOWN


def mean(values):
    """The correctly rounded mean of exact values (ints or Fractions), or None when there are none."""
    if not values:
        return None
    return float(sum(Fraction(v) for v in values) / len(values))


def check_scale(name, scale):
    """Every spelling means one thing, and every value it names lies on the scale."""
    seen = {}
    labels = scale.get("labels", [])
    if labels and len(labels) != scale["max"] - scale["min"] + 1:
        raise SystemExit("scale %s: %d labels for %d values" % (name, len(labels), scale["max"] - scale["min"] + 1))
    entries = [(label, scale["min"] + i) for i, label in enumerate(labels)]
    entries += list(scale.get("aliases", {}).items())
    entries += [(word, NA) for word in scale.get("notApplicable", [])]
    for text, value in entries:
        if value != NA and not scale["min"] <= value <= scale["max"]:
            raise SystemExit("scale %s: %r -> %r is off the scale" % (name, text, value))
        if seen.setdefault(key(text), value) != value:
            raise SystemExit("scale %s: %r means two things" % (name, text))


def evaluate(case, show_answers):
    folder = os.path.join(HERE, case["case"])
    rows = read_table(os.path.join(folder, "export.csv"))
    header_count = HEADER_ROWS[case["layout"]]
    header, data = rows[:header_count], rows[header_count:]
    width = len(header[0])
    for number, row in enumerate(rows, start=1):
        if len(row) != width:
            raise SystemExit("%s: record %d has %d fields, header %d" % (case["case"], number, len(row), width))
    names = header_names(case, header)
    for scale_id, scale in case["scales"].items():
        check_scale(scale_id, scale)

    items = case["items"]
    columns = {}
    for item in items:
        col = find_column(names, item.get("columns", []) + [item["id"], item["text"]])
        if col != item["col"]:
            raise SystemExit("%s: item %s maps to column %s, not %s" % (case["case"], item["id"], col, item["col"]))
        columns[item["id"]] = col
    for segment in case["segments"]:
        if find_column(names, [segment["column"]]) != segment["col"]:
            raise SystemExit("%s: segment %s is not column %s" % (case["case"], segment["id"], segment["col"]))
    id_column = None
    if case.get("respondentId"):
        id_column = find_column(names, [case["respondentId"]["column"]])
        assert id_column == case["respondentId"]["col"]
    elif case["layout"].startswith("qualtrics"):
        # Qualtrics' own respondent id column, as named in either layout
        for name in ("ResponseId", "ResponseID", "_recordId", "Response ID"):
            id_column = find_column(names, [name])
            if id_column is not None:
                break
    closed = [item for item in items if item["scale"] != "text"]
    comment_columns = [columns[c] for c in case["comments"]]

    # Every distinct non-blank answer in a mapped column must be known to its scale; checked over all data rows,
    # excluded ones too, so that the questionnaire also reads the rows a user might choose to include.
    unknown = []
    for item in closed:
        scale = case["scales"][item["scale"]]
        distinct = {}
        for row in data:
            cell = row[columns[item["id"]]]
            if cell.strip() and not (case["layout"].startswith("qualtrics") and cell.strip() == "-99"):
                distinct[cell] = distinct.get(cell, 0) + 1
        if show_answers:
            print("  %s (column %d, scale %s)" % (item["id"], columns[item["id"]] + 1, item["scale"]))
        for cell in sorted(distinct, key=lambda a: (str(read_answer(scale, a)), a)):
            value = read_answer(scale, cell)
            if "<" in cell:
                raise SystemExit("%s: answer %r holds markup; the contract does not say how it compares"
                                 % (case["case"], cell))
            if show_answers:
                print("    %-14s x%-3d %r" % (value, distinct[cell], cell))
            if value == UNKNOWN:
                unknown.append((item["id"], cell))
    if unknown:
        raise SystemExit("%s: answers not on their scale: %r" % (case["case"], unknown))

    excluded = {}
    scored = []
    seen_ids = set()
    for row in data:
        reason = platform_exclusion(case, names, row)
        if reason is None:
            answers = {}
            answered = unreadable = 0
            for item in closed:
                cell = row[columns[item["id"]]]
                if not cell.strip():
                    continue
                if case["layout"].startswith("qualtrics") and cell.strip() == "-99":
                    continue
                value = read_answer(case["scales"][item["scale"]], cell)
                if value == UNKNOWN:
                    unreadable += 1
                    continue
                if value != NA:
                    answers[item["id"]] = value
                # A not-applicable answer ("Does not apply.") carries no value, but the respondent did answer, so
                # it keeps the row from being "empty" (the surveymonkey case has one row answered N/A throughout).
                answered += 1
            answered += sum(1 for c in comment_columns if row[c].strip())
            if answered == 0:
                reason = UNPARSEABLE if unreadable else EMPTY
            elif id_column is not None:
                respondent = row[id_column].strip()
                if respondent and respondent in seen_ids:
                    reason = DUPLICATE
                elif respondent:
                    seen_ids.add(respondent)
        if reason is not None:
            excluded[reason] = excluded.get(reason, 0) + 1
        else:
            scored.append(answers)

    def keyed(item, value):
        scale = case["scales"][item["scale"]]
        return scale["min"] + scale["max"] - value if item.get("reverse") else value

    by_id = {item["id"]: item for item in closed}
    item_results = {}
    for item in closed:
        values = [keyed(item, answers[item["id"]]) for answers in scored if item["id"] in answers]
        item_results[item["id"]] = {"n": len(values), "mean": mean(values)}
    index_results = {}
    for index in case["indices"]:
        scores = []
        for answers in scored:
            values = [keyed(by_id[i], answers[i]) for i in index["items"] if i in answers]
            if values:
                scores.append(sum(Fraction(v) for v in values) / len(values))
        index_results[index["id"]] = {"n": len(scores), "mean": mean(scores)}
    return {
        "rows": {"read": len(data), "scored": len(scored), "excluded": excluded},
        "items": item_results,
        "indices": index_results,
    }


# ---------------------------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------------------------


def q(text):
    """A YAML double-quoted scalar; non-breaking spaces are escaped so that they stay visible."""
    return json.dumps(text, ensure_ascii=False).replace("\u00a0", "\\u00a0")


def flow(values):
    return "[" + ", ".join(q(v) if isinstance(v, str) else str(v) for v in values) + "]"


def to_yaml(case):
    out = ["# Generated by ../expectations.py from its CASES table; edit it there and rerun the script."]
    out += ["# " + line for line in case["notes"]]
    out += [
        "id: real-" + case["case"],
        "title: " + q(case["title"]),
        'version: "1"',
        "language: en",
        "scales:",
    ]
    for scale_id, scale in case["scales"].items():
        out.append("  %s:" % scale_id)
        out.append("    min: %d" % scale["min"])
        out.append("    max: %d" % scale["max"])
        if "labels" in scale:
            out.append("    labels: " + flow(scale["labels"]))
        if "favorable" in scale:
            out.append("    favorable: " + flow(scale["favorable"]))
        if "notApplicable" in scale:
            out.append("    notApplicable: " + flow(scale["notApplicable"]))
        if "aliases" in scale:
            out.append("    aliases:")
            for alias, value in scale["aliases"].items():
                out.append("      %s: %d" % (q(alias), value))
    out.append("items:")
    for item in case["items"]:
        out.append("  - id: " + item["id"])
        out.append("    text: " + q(item["text"]))
        out.append("    scale: " + item["scale"])
        if item.get("reverse"):
            out.append("    reverse: true")
        if item.get("columns"):
            out.append("    columns: " + flow(item["columns"]))
    out.append("indices:")
    for index in case["indices"]:
        out.append("  - id: " + index["id"])
        out.append("    name: " + q(index["name"]))
        out.append("    items: [" + ", ".join(index["items"]) + "]")
    if case["segments"]:
        out.append("segments:")
        for segment in case["segments"]:
            out.append("  - id: " + segment["id"])
            out.append("    column: " + q(segment["column"]))
    if case.get("respondentId"):
        out.append("respondentId: " + q(case["respondentId"]["column"]))
    if case["comments"]:
        out.append("comments: [" + ", ".join(case["comments"]) + "]")
    out.append("reporting: {minGroupSize: %d, minCommentGroupSize: %d}"
               % (REPORTING["minGroupSize"], REPORTING["minCommentGroupSize"]))
    return "\n".join(out) + "\n"


def to_json(expected):
    # json writes floats with repr(), i.e. the shortest text that reads back as the same double
    return json.dumps(expected, indent=2, ensure_ascii=False) + "\n"


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main(argv):
    show_answers = "--answers" in argv
    for case in CASES:
        if show_answers:
            print(case["case"])
        expected = evaluate(case, show_answers)
        folder = os.path.join(HERE, case["case"])
        write(os.path.join(folder, "questionnaire.yaml"), to_yaml(case))
        write(os.path.join(folder, "expected.json"), to_json(expected))
        rows = expected["rows"]
        print("%-18s read %d, scored %d, excluded %s; indices %s" % (
            case["case"], rows["read"], rows["scored"], json.dumps(rows["excluded"]),
            json.dumps({i: [r["n"], r["mean"]] for i, r in expected["indices"].items()})))


if __name__ == "__main__":
    main(sys.argv[1:])
