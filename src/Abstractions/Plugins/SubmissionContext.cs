using CaseIngest.Abstractions.Records;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Abstractions.Plugins;

/// <summary>What a step sees of one package: its files with their roles, and the record being built.</summary>
public sealed class SubmissionContext
{
    /// <summary>Creates a context; the host does this, tests may too.</summary>
    public SubmissionContext(CaseRecord record, IReadOnlyList<PackageFile> files, string ruleSet, ILogger logger)
    {
        Record = record;
        Files = files;
        RuleSet = ruleSet;
        Logger = logger;
    }

    /// <summary>The record being built. The step writes its sections and findings here.</summary>
    public CaseRecord Record { get; }

    /// <summary>The package's files, extracted to a work folder, with their roles.</summary>
    public IReadOnlyList<PackageFile> Files { get; }

    /// <summary>The rule-set version in force (e.g. <c>edition-8</c>).</summary>
    public string RuleSet { get; }

    /// <summary>A logger scoped to the submission.</summary>
    public ILogger Logger { get; }

    /// <summary>The files of one role, and the files holding pages of it (<see cref="PackageFile.PagesOf"/> says which).</summary>
    public IEnumerable<PackageFile> FilesOf(FileRole role) => Files.Where(f => f.Holds(role));

    /// <summary>The first file of a role, or null; a file of that main role before one that only holds pages of it.</summary>
    public PackageFile? FirstOf(FileRole role) => Files.FirstOrDefault(f => f.Role == role) ?? Files.FirstOrDefault(f => f.Holds(role));

    /// <summary>Adds a finding of a code of DESIGN.md's catalogue (<see cref="FindingCodes"/>). Its severity is the
    /// catalogue's (<see cref="FindingSeverities"/>); the host applies <c>Pipeline:SeverityOverrides</c> on top, and stamps
    /// the plugin and the rule set.</summary>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not in the catalogue: a plugin's own code is added
    /// with the severity the plugin gives it (the other overload).</exception>
    public Finding AddFinding(string code, string message, string? evidence = null,
        FindingLocation? location = null, double? measured = null, double? limit = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        if (!FindingSeverities.Defaults.TryGetValue(code, out var severity))
        {
            throw new ArgumentException(
                $"'{code}' is not a code of the catalogue; add a plugin's own code with its severity: AddFinding(code, severity, message, …).",
                nameof(code));
        }

        return Add(code, severity, message, evidence, location, measured, limit);
    }

    /// <summary>Adds a finding of the plugin's own code, outside the catalogue, with the severity the plugin gives it
    /// (<c>Pipeline:SeverityOverrides</c> still has the last word). For a catalogue code the catalogue's severity wins.</summary>
    public Finding AddFinding(string code, Severity severity, string message, string? evidence = null,
        FindingLocation? location = null, double? measured = null, double? limit = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        return Add(code, FindingSeverities.DefaultOf(code, severity), message, evidence, location, measured, limit);
    }

    private Finding Add(string code, Severity severity, string message, string? evidence, FindingLocation? location,
        double? measured, double? limit)
    {
        var finding = new Finding
        {
            Code = code,
            Severity = severity,
            Message = message,
            Evidence = evidence,
            Location = location,
            Measured = measured,
            Limit = limit,
            RuleSet = RuleSet,
        };
        Record.Findings.Add(finding);
        return finding;
    }
}
