using CaseIngest.Abstractions.Records;
using Microsoft.Extensions.Options;

namespace CaseIngest.Core.Pipeline;

/// <summary>The one severity table: <c>Pipeline:SeverityOverrides:&lt;code&gt;</c> where this installation configured one,
/// else the catalogue's default (<see cref="FindingSeverities"/>), else — a code outside the catalogue — what its
/// plugin said. Applied by the pipeline to every finding of a package and by the edition stage to the findings it writes,
/// so a step, the host, an edition rule and a record kept by recheck all agree.</summary>
public sealed class SeverityTable(IOptions<PipelineOptions> options)
{
    /// <summary>The severity <paramref name="finding"/> has in this installation.</summary>
    public Severity Of(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return options.Value.SeverityOverrides.TryGetValue(finding.Code, out var configured)
            ? configured
            : FindingSeverities.DefaultOf(finding.Code, finding.Severity);
    }

    /// <summary>Sets every finding's severity from the table.</summary>
    public void Apply(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        foreach (var finding in findings)
        {
            finding.Severity = Of(finding);
        }
    }
}
