using System.ComponentModel.DataAnnotations;

namespace CaseIngest.Editions.Configuration;

/// <summary>One edition's facts, <c>Editions:&lt;n&gt;</c> (e.g. <c>Editions:8:ClosingTime</c>).</summary>
public sealed class EditionSettings
{
    /// <summary>The instant the call closes; a <c>submittedAt</c> after it is <c>late_submission</c>.
    /// 2026-07-31 24:00 +08:00 is written <c>2026-08-01T00:00:00+08:00</c>.</summary>
    public DateTimeOffset? ClosingTime { get; set; }

    /// <summary>Submissions a registry entry may make in the edition unless the entry says otherwise.</summary>
    [Range(1, 10_000)]
    public int DefaultQuota { get; set; } = 10;

    /// <summary>The quota of a 智工委 member unit: its direct submissions and the cases it recommends together.</summary>
    [Range(1, 10_000)]
    public int MemberQuota { get; set; } = 5;

    /// <summary>The registry file of recommending units (JSON, see src/Editions/README.md). Empty for edition 8: the
    /// registry shipped with the product.</summary>
    public string? Registry { get; set; }
}

/// <summary>Every configured edition, the <c>Editions</c> section keyed by edition number.</summary>
public sealed class EditionsOptions
{
    public const string SectionName = "Editions";

    /// <summary>The edition the product ships facts for.</summary>
    public const int ShippedEdition = 8;

    /// <summary>2026-07-31 24:00 +08:00.</summary>
    public static readonly DateTimeOffset ShippedClosingTime = new(2026, 8, 1, 0, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Edition number → its facts.</summary>
    public Dictionary<int, EditionSettings> Editions { get; } = [];
}
