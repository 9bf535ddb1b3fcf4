using System.ComponentModel.DataAnnotations;

namespace CaseIngest.Search.Duplicates;

/// <summary><c>Search:Duplicates</c>: when two report texts count as nearly the same.</summary>
public sealed class DuplicateDetectionOptions
{
    public const string SectionName = "Search:Duplicates";

    /// <summary>Jaccard similarity of the texts' character 5-gram sets at or above which a duplicate is reported. The same
    /// text resubmitted scores about 1; two different cases on one topic stay far below 0.5.</summary>
    [Range(0.1, 1.0)]
    public double Threshold { get; set; } = 0.8;

    /// <summary>How many indexed cases most likely to hold a copy are compared exactly.</summary>
    [Range(1, 50)]
    public int Candidates { get; set; } = 5;

    /// <summary>Texts shorter than this (in letters and ideographs) are not compared: too little to tell.</summary>
    [Range(0, 100_000)]
    public int MinimumLength { get; set; } = 200;
}
