using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Core.Conversion;

/// <summary>A submitted file as it is to be read: its own path, or the .docx converted from it.</summary>
/// <param name="ReadPath">What the readers open.</param>
/// <param name="ConvertedFrom">The format converted from (doc, wps, rtf, odt) when <paramref name="ReadPath"/> is a conversion.</param>
/// <param name="Problem">Why a file that needed converting could not be converted; null otherwise.</param>
public sealed record PreparedFile(string ReadPath, string? ConvertedFrom, string? Problem);

/// <summary>Makes the legacy and foreign documents of a package readable: converts each .doc, Word .wps, .rtf and
/// .odt to .docx (from the cache when the same file was converted before), and leaves every other file as it is.</summary>
public sealed class DocumentConversion
{
    private readonly LibreOfficeConverter _converter;
    private readonly ConversionCache _cache;
    private readonly ConversionOptions _options;
    private readonly ILogger<DocumentConversion> _logger;

    public DocumentConversion(LibreOfficeConverter converter, ConversionCache cache, IOptions<ConversionOptions> options,
        ILogger<DocumentConversion> logger)
    {
        _converter = converter;
        _cache = cache;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>The file at <paramref name="path"/> (named <paramref name="name"/> in its package, hashed
    /// <paramref name="sha256"/>) as it is to be read; a conversion is written under <paramref name="workFolder"/>.</summary>
    public async Task<PreparedFile> PrepareAsync(string name, string path, string sha256, string workFolder, CancellationToken cancellationToken)
    {
        if (!_options.Enabled || ConvertibleFormats.Of(path, name) is not { } format)
        {
            return new PreparedFile(path, null, null);
        }

        var target = Path.Combine(workFolder, sha256[..16], Path.GetFileNameWithoutExtension(path) + ".docx");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (_cache.Find(sha256) is { } cached)
        {
            File.Copy(cached, target, overwrite: true);
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("{File} ({Format}) read from the conversion cache", name, format);
            }

            return new PreparedFile(target, format, null);
        }

        var outcome = await _converter.ConvertAsync(path, format, Path.Combine(workFolder, sha256[..16], "soffice"), cancellationToken);
        if (outcome.Docx is null)
        {
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                _logger.LogWarning("{File} ({Format}) could not be converted to .docx in {ElapsedMs} ms: {Problem}", name, format,
                    outcome.ElapsedMs, outcome.Problem);
            }

            return new PreparedFile(path, null, outcome.Problem);
        }

        File.Move(outcome.Docx, target, overwrite: true);
        TryCache(sha256, target);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation("{File} ({Format}) converted to .docx by LibreOffice in {ElapsedMs} ms", name, format, outcome.ElapsedMs);
        }

        return new PreparedFile(target, format, null);
    }

    private void TryCache(string sha256, string docx)
    {
        try
        {
            _cache.Put(sha256, docx);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The conversion is good; only the next reading of the same file will convert it again.
            _logger.LogWarning(ex, "The conversion of {Sha256} could not be cached", sha256);
        }
    }
}
