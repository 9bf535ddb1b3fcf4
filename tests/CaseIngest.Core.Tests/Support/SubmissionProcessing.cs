using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Core.Tests.Support;

/// <summary>Processes a package through the composed core's <see cref="ISubmissionProcessor"/>.</summary>
internal static class SubmissionProcessing
{
    public static Task<CaseRecord> ProcessAsync(this IServiceProvider provider, string package, SubmissionMetadata? metadata = null) =>
        provider.GetRequiredService<ISubmissionProcessor>().ProcessAsync(package, metadata, CancellationToken.None);
}
