namespace CaseIngest.Messaging.Configuration;

/// <summary>When a worker runs the edition rules (section <c>EditionCheck</c>).</summary>
public sealed class EditionCheckOptions
{
    public const string SectionName = "EditionCheck";

    /// <summary>How long after the first package of a batch the worker waits before checking the edition: the packages
    /// that arrive meanwhile are checked together. 00:00:00 checks after every package.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(5);
}
