using System.ComponentModel.DataAnnotations;

namespace CaseIngest.Messaging.Configuration;

/// <summary>The folder packages are copied into by <c>enqueue</c> and read from by workers (section <c>Inbox</c>).
/// Several machines share it (a network mount); a message may only point inside it.</summary>
public sealed class InboxOptions
{
    public const string SectionName = "Inbox";

    [Required]
    public string Path { get; set; } = "./data/inbox";

    /// <summary>The inbox as an absolute path ending in a separator, for "is this inside" checks.</summary>
    public string FullPath => System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(Path))
        + System.IO.Path.DirectorySeparatorChar;
}
