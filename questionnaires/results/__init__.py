"""The results engine: one implementation of counts, statistics, quotes, theme
counts and the anonymity rule, used by the live dashboard, the overview, the
HTML report, the PDF and the exports.

- `privacy`: the k-threshold, area+group labelling, "Other areas" merging;
- `stats`: mean, median, NPS as pure functions;
- `loading`: load a questionnaire's responses (all, or submitted only) and
  summarise rates and questions;
- `quotes`: quote choice, round-robin across areas, never twice;
- `themes`: the positive core, counted in people;
- `filters`: the dashboard's filters on written answers.
"""

from __future__ import annotations

from questionnaires.results.filters import SEARCH_MAX_LENGTH, TextFilter, parse_filter
from questionnaires.results.loading import (
    QuestionSummary,
    Results,
    Summary,
    TextAnswer,
    Waiting,
    Writer,
    answer_values,
    ordered_questions,
    results_load,
    results_questions,
    results_summary,
    results_with_quotes,
    text_answer,
)
from questionnaires.results.privacy import (
    OTHER,
    Privacy,
    Tally,
    document_names_visible,
    labelled_cells,
    merge_small,
    other_areas_label,
    other_cells_label,
    other_groups_label,
    privacy_for,
    private_breakdown,
    shown_keys,
)
from questionnaires.results.quotes import pick_quotes
from questionnaires.results.stats import (
    DETRACTOR,
    DETRACTOR_MAX,
    PASSIVE,
    PROMOTER,
    PROMOTER_MIN,
    likelihood_tone,
    mean,
    median,
    nps,
)
from questionnaires.results.themes import (
    QUOTES_PER_THEME,
    AreaCount,
    CountTable,
    TagRow,
    ThemeCounts,
    answer_labelled,
    answers_to_tag,
    area_counts,
    count_table,
    text_questions,
    themes_privacy,
    themes_summary,
    themes_with_counts,
)

__all__ = [
    "DETRACTOR",
    "DETRACTOR_MAX",
    "OTHER",
    "PASSIVE",
    "PROMOTER",
    "PROMOTER_MIN",
    "QUOTES_PER_THEME",
    "SEARCH_MAX_LENGTH",
    "AreaCount",
    "CountTable",
    "Privacy",
    "QuestionSummary",
    "Results",
    "Summary",
    "TagRow",
    "Tally",
    "TextAnswer",
    "TextFilter",
    "ThemeCounts",
    "Waiting",
    "Writer",
    "answer_labelled",
    "answer_values",
    "answers_to_tag",
    "area_counts",
    "count_table",
    "document_names_visible",
    "labelled_cells",
    "likelihood_tone",
    "mean",
    "median",
    "merge_small",
    "nps",
    "ordered_questions",
    "other_areas_label",
    "other_cells_label",
    "other_groups_label",
    "parse_filter",
    "pick_quotes",
    "privacy_for",
    "private_breakdown",
    "results_load",
    "results_questions",
    "results_summary",
    "results_with_quotes",
    "shown_keys",
    "text_answer",
    "text_questions",
    "themes_privacy",
    "themes_summary",
    "themes_with_counts",
]
