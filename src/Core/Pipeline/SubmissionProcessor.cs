using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Conversion;
using CaseIngest.Core.Memory;
using CaseIngest.Core.PageImages;
using CaseIngest.Core.Packages;
using CaseIngest.Core.Pipeline.Timing;
using CaseIngest.Core.Plugins;
using CaseIngest.Core.Storage;
using CaseIngest.Documents.Docx;
using CaseIngest.Documents.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Core.Pipeline;

/// <summary>One package through the whole pipeline: read, store, roles, manifest, plugins, verdict.</summary>
public sealed class SubmissionProcessor : ISubmissionProcessor, ISubmissionRechecker
{
    private readonly PackageReader _reader;
    private readonly FileRoleDetector _roles;
    private readonly DocxDocumentCache _documents;
    private readonly DocumentConversion _conversion;
    private readonly IPackageStore _store;
    private readonly WorkFolders _workFolders;
    private readonly IPageImageStore _pageImages;
    private readonly PipelineRunner _runner;
    private readonly StepOrder _order;
    private readonly IServiceScopeFactory _scopes;
    private readonly PluginSettingsCatalog _settings;
    private readonly PipelineOptions _options;
    private readonly TimeProvider _time;
    private readonly NativeHeap _nativeHeap;
    private readonly ILogger<SubmissionProcessor> _logger;

    public SubmissionProcessor(PackageReader reader, FileRoleDetector roles, DocxDocumentCache documents, DocumentConversion conversion, IPackageStore store, WorkFolders workFolders, IPageImageStore pageImages, PipelineRunner runner, StepOrder order,
        IServiceScopeFactory scopes, PluginSettingsCatalog settings, IOptions<PipelineOptions> options, TimeProvider time,
        NativeHeap nativeHeap, ILogger<SubmissionProcessor> logger)
    {
        _reader = reader;
        _roles = roles;
        _documents = documents;
        _conversion = conversion;
        _store = store;
        _workFolders = workFolders;
        _pageImages = pageImages;
        _runner = runner;
        _order = order;
        _scopes = scopes;
        _settings = settings;
        _options = options.Value;
        _time = time;
        _nativeHeap = nativeHeap;
        _logger = logger;
    }

    public Task<CaseRecord> ProcessAsync(string packagePath, SubmissionMetadata? metadata, PackageTimings? timings, CancellationToken cancellationToken) =>
        RunAsync(packagePath, new CaseRecord(), metadata, runStep: null, timings ?? new PackageTimings(_time), cancellationToken);

    public async Task<RecheckResult> RecheckAsync(CaseRecord stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var package = stored.PackageSha256 is null ? null : _store.Find(stored.PackageSha256);
        if (package is null)
        {
            return new RecheckResult(stored, PackageFound: false);
        }

        // Steps that are not rechecked (OCR, say) keep their sections and findings; everything else is derived anew.
        var keep = _order.Steps.Where(step => !_settings.For(step.Name).Recheck)
            .Select(step => step.Name).ToHashSet(StringComparer.Ordinal);
        var start = CaseRecordJson.Clone(stored);

        // What an edition rule set aside belongs to its plugin again; the edition stage decides anew after the recheck.
        start.Findings.AddRange(start.SuppressedFindings);
        start.SuppressedFindings.Clear();
        start.Findings.RemoveAll(f => f.Plugin is null || !keep.Contains(f.Plugin));
        start.Plugins.RemoveAll(p => !keep.Contains(p.Name));
        var metadata = new SubmissionMetadata(stored.SubmissionId, stored.Edition, stored.Recommender, stored.SubmittedAt);
        var record = await RunAsync(package, start, metadata, step => !keep.Contains(step.Name), new PackageTimings(_time), cancellationToken);
        record.Review = stored.Review;
        return new RecheckResult(record, PackageFound: true);
    }

    private async Task<CaseRecord> RunAsync(string packagePath, CaseRecord record, SubmissionMetadata? metadata,
        Func<PluginStep, bool>? runStep, PackageTimings timings, CancellationToken cancellationToken)
    {
        var work = _workFolders.Create();
        var workFolder = work.Path;
        using var documents = _documents.KeepUntilPackageEnds();
        var storing = Task.CompletedTask;
        try
        {
            ReadPackage package;
            using (timings.Measure(PackageStages.Read))
            {
                package = await _reader.ReadAsync(packagePath, Path.Combine(workFolder, "files"), cancellationToken);
            }

            record.SubmissionId = package.Name;
            record.RuleSet = _options.RuleSet;
            record.PackageSha256 = package.Sha256.Length == 0 ? null : package.Sha256;
            if (record.PackageSha256 is not null)
            {
                // Kept from the package as it came (not the work folder), which nothing after this needs: copied beside
                // the files' roles and the plugins, on another core when one is free, and waited for before the record
                // is done (the store stage is that wait).
                storing = Task.Run(() => StoreAsync(packagePath, package, cancellationToken), cancellationToken);
            }

            List<PackageFile> files;
            using (timings.Measure(PackageStages.Files))
            {
                files = await PrepareFilesAsync(package, Path.Combine(workFolder, "converted"), cancellationToken);
            }

            record.Files = files.Select(f => new PackageFileInfo
            {
                Name = f.Name, Role = f.Role, Sha256 = f.Sha256, Bytes = f.Bytes, ConvertedFrom = f.ConvertedFrom,
                Pages = f.Pages.Count == 0 ? null : f.Pages.ToList(),
            }).ToList();
            if (record.PackageSha256 is not null)
            {
                using var _ = timings.Measure(PackageStages.PageImages);
                await KeepPageImagesAsync(files, cancellationToken);
            }

            ApplyMetadata(record, files, metadata);
            record.Findings.RemoveAll(f => f.Plugin == HostFindings.PluginName);
            AddPackageFindings(record, package);
            AddConversionFindings(record, files);

            using (timings.Measure(PackageStages.Plugins))
            {
                using var scope = _scopes.CreateScope();
                record = await _runner.RunAsync(record, files, workFolder, scope.ServiceProvider, runStep, cancellationToken);
            }

            using (timings.Measure(PackageStages.Store))
            {
                await storing;
            }

            record.ProcessedAt = _time.GetUtcNow();
            return record;
        }
        finally
        {
            // A package that failed on the way still waits for its copy: the store is never written after the package.
            await storing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            using (timings.Measure(PackageStages.Cleanup))
            {
                work.Dispose();
                _nativeHeap.AfterPackage();
            }
        }
    }

    /// <summary>The package's files as the plugins read them: legacy documents converted to .docx first, so that their
    /// role, like everything else, is decided by what they hold.</summary>
    private async Task<List<PackageFile>> PrepareFilesAsync(ReadPackage package, string conversionFolder, CancellationToken cancellationToken)
    {
        var prepared = new List<(ExtractedFile File, PreparedFile Read)>(package.Files.Count);
        foreach (var file in package.Files)
        {
            prepared.Add((file, await _conversion.PrepareAsync(file.Name, file.Path, file.Sha256, conversionFolder, cancellationToken)));
        }

        // A role is read from what the file holds — a .docx parsed once, for the plugins too, the package's largest
        // non-OCR cost — and the form's does not wait for the report's: read side by side, on another core when one is free.
        var roles = await Task.WhenAll(prepared.Select(p => Task.Run(() => _roles.DetectRoles(p.File.Name, p.Read.ReadPath), cancellationToken)));
        return prepared.Select((p, i) => new PackageFile(p.File.Name, p.Read.ReadPath, roles[i].Role, p.File.Sha256, p.File.Bytes)
        {
            ConvertedFrom = p.Read.ConvertedFrom,
            ConversionProblem = p.Read.Problem,
            Pages = roles[i].Pages,
        }).ToList();
    }

    private void AddConversionFindings(CaseRecord record, List<PackageFile> files)
    {
        foreach (var file in files.Where(f => f.ConvertedFrom is not null))
        {
            var what = file.Role switch
            {
                FileRole.Form => "申报表",
                FileRole.Report => "案例报告",
                _ => "文件",
            };
            var format = ConvertibleFormats.Describe(file.ConvertedFrom!);
            record.Findings.Add(HostFinding(FindingCodes.ConvertedDocument,
                $"{what}“{file.Name}”为 {format} 格式，已用 LibreOffice 转换为 .docx 后读取；格式规则检查的是转换后的文档",
                evidence: $"{file.Name}: {file.ConvertedFrom} → docx", file: file.Name));
        }
    }

    /// <summary>Every page of the signature pages and PDFs as an image, kept beside the package so people can check a seal
    /// and a date by eye. A page that cannot be rendered costs the case page its picture, never the package its checks.</summary>
    private async Task KeepPageImagesAsync(List<PackageFile> files, CancellationToken cancellationToken)
    {
        foreach (var file in files.Where(f => f.Role == FileRole.StampPage || Path.GetExtension(f.Name).Equals(".pdf", StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                await _pageImages.RenderAsync(file.Name, file.Path, file.Sha256, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PageRenderException)
            {
                _logger.LogWarning(ex, "Pages of {File} were not kept as images; its case page shows the seal boxes alone", file.Name);
            }
        }
    }

    private async Task StoreAsync(string packagePath, ReadPackage package, CancellationToken cancellationToken)
    {
        try
        {
            await _store.StoreAsync(packagePath, package.Sha256, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "Package {Package} could not be kept in the package store", packagePath);
        }
    }

    private static void ApplyMetadata(CaseRecord record, List<PackageFile> files, SubmissionMetadata? metadata)
    {
        var manifest = files.Where(f => f.Role == FileRole.Manifest).Select(f => PackageManifest.TryRead(f.Path)).FirstOrDefault(m => m is not null);
        record.SubmissionId = FirstNonEmpty(metadata?.SubmissionId, manifest?.SubmissionId, record.SubmissionId)!;
        record.Edition = metadata?.Edition ?? manifest?.Edition ?? record.Edition;
        record.Recommender = FirstNonEmpty(metadata?.Recommender, manifest?.Recommender, record.Recommender);
        record.SubmittedAt = metadata?.SubmittedAt ?? manifest?.SubmittedAt ?? record.SubmittedAt;
        record.DirectSubmission = manifest?.DirectSubmission ?? record.DirectSubmission;
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private void AddPackageFindings(CaseRecord record, ReadPackage package)
    {
        foreach (var problem in package.Problems)
        {
            var where = problem.Entry is null ? "" : $"，条目 {problem.Entry}";
            record.Findings.Add(HostFinding(FindingCodes.PackageUnreadable,
                $"申报包 {package.Name} 无法读取{where}：{problem.Message}",
                evidence: problem.Entry is null ? package.Name : $"{package.Name}: {problem.Entry}",
                file: problem.Entry, measured: problem.Measured, limit: problem.Limit));
        }

        // missing_document comes after the plugins (MissingDocumentCheck): the form may be found on a scan.
    }

    private Finding HostFinding(string code, string message, string? evidence, string? file = null, double? measured = null, double? limit = null) => new()
    {
        Code = code,
        Severity = FindingSeverities.DefaultOf(code, Severity.Error),
        Message = message,
        Evidence = evidence,
        Location = file is null ? null : new FindingLocation { File = file },
        Measured = measured,
        Limit = limit,
        Plugin = HostFindings.PluginName,
        RuleSet = _options.RuleSet,
    };
}
