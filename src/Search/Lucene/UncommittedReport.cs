using CaseIngest.Search.Duplicates;

namespace CaseIngest.Search.Lucene;

/// <summary>The report text of a record saved since the last commit, with the filter that spares the duplicate check a
/// search of it for the terms it surely lacks.</summary>
internal sealed record UncommittedReport(string SubmissionId, string Text, CharacterPairFilter Pairs);
