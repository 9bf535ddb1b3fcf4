using System.Diagnostics;
using CaseIngest.Documents.Tools;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Core.Conversion;

/// <summary>The outcome of one conversion: the .docx written, or why there is none (in words for the submitter).</summary>
public sealed record ConversionOutcome(string? Docx, string? Problem, long ElapsedMs);

/// <summary>Converts one document to .docx with LibreOffice headless (<c>soffice --convert-to docx</c>).
/// A singleton: conversions run one at a time in a process, since each soffice takes a core and some 200 MB; every run
/// gets a profile of its own (<c>-env:UserInstallation</c>) so that it neither waits on nor takes over another soffice on
/// the machine, and is killed with its children when it outlasts <see cref="ConversionOptions.TimeoutSeconds"/>.</summary>
public sealed class LibreOfficeConverter : IDisposable
{
    private static readonly string[] s_usualPlaces =
        ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"];

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly ConversionOptions _options;
    private readonly ILogger<LibreOfficeConverter> _logger;

    public LibreOfficeConverter(IOptions<ConversionOptions> options, ILogger<LibreOfficeConverter> logger)
    {
        _options = options.Value;
        _logger = logger;
        Executable = _options.Soffice ?? s_usualPlaces.FirstOrDefault(File.Exists);
    }

    /// <summary>The soffice found or configured; null when LibreOffice is not installed.</summary>
    public string? Executable { get; }

    /// <summary>Converts <paramref name="source"/> (of <paramref name="format"/>: doc, wps, rtf, odt) into a .docx inside
    /// <paramref name="outputFolder"/>.</summary>
    public async Task<ConversionOutcome> ConvertAsync(string source, string format, string outputFolder, CancellationToken cancellationToken)
    {
        if (Executable is null)
        {
            return new ConversionOutcome(null, "本机未安装 LibreOffice，无法转换（Conversion:Soffice）", 0);
        }

        await _oneAtATime.WaitAsync(cancellationToken);
        string? scratch = null;
        try
        {
            scratch = Directory.CreateTempSubdirectory("caseingest-convert-").FullName;
            // soffice picks its import filter by extension as well as content: a Word .wps must be named .doc, or it is
            // taken for an MS Works file.
            var input = Path.Combine(scratch, "document." + (format == "wps" ? "doc" : format));
            File.Copy(source, input);
            var output = Path.Combine(scratch, "out");
            var watch = Stopwatch.StartNew();
            var problem = await RunAsync(input, ImportFilterOf(format), output, Path.Combine(scratch, "profile"), cancellationToken);
            var docx = Path.Combine(output, "document.docx");
            if (problem is null && (!File.Exists(docx) || new FileInfo(docx).Length == 0))
            {
                problem = "LibreOffice 未能打开该文件（文件损坏、设有密码或不是它能读取的格式）";
            }

            if (problem is not null)
            {
                return new ConversionOutcome(null, problem, watch.ElapsedMilliseconds);
            }

            Directory.CreateDirectory(outputFolder);
            var target = Path.Combine(outputFolder, "converted.docx");
            File.Move(docx, target, overwrite: true);
            return new ConversionOutcome(target, null, watch.ElapsedMilliseconds);
        }
        finally
        {
            _oneAtATime.Release();
            if (scratch is not null)
            {
                TryDelete(scratch);
            }
        }
    }

    /// <summary>The import filter is named, never guessed: left to guess, soffice opens a damaged .doc as plain text and
    /// "converts" it into a page of garbage; told the filter, it refuses the file.</summary>
    private static string ImportFilterOf(string format) => format switch
    {
        "doc" or "wps" => "MS Word 97",
        "rtf" => "Rich Text Format",
        "odt" => "writer8",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a format LibreOffice converts here"),
    };

    private async Task<string?> RunAsync(string input, string importFilter, string outputFolder, string profile, CancellationToken cancellationToken)
    {
        var run = await ExternalTool.RunAsync(Executable!,
            [
                "-env:UserInstallation=" + new Uri(profile + "/").AbsoluteUri, "--headless", "--norestore", "--nologo",
                "--nolockcheck", "--infilter=" + importFilter, "--convert-to", "docx:MS Word 2007 XML", "--outdir", outputFolder, input,
            ], TimeSpan.FromSeconds(_options.TimeoutSeconds), cancellationToken);
        if (!run.Started)
        {
            _logger.LogError("LibreOffice {Executable} could not be started: {Reason}", Executable, run.Error);
            return $"LibreOffice 无法启动：{run.Error}";
        }

        if (run.TimedOut)
        {
            _logger.LogWarning("LibreOffice took more than {TimeoutSeconds} s converting {Input}; killed", _options.TimeoutSeconds, input);
            return $"LibreOffice 转换超过 {_options.TimeoutSeconds} 秒未完成，已终止";
        }

        if (run.ExitCode != 0)
        {
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                _logger.LogWarning("LibreOffice exited with {ExitCode} converting {Input}: {Output}", run.ExitCode, input, (run.Output + " " + run.Error).Trim());
            }

            return $"LibreOffice 转换失败（退出码 {run.ExitCode}）";
        }

        return null;
    }

    private void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "Conversion folder {Folder} could not be deleted", folder);
        }
    }

    public void Dispose() => _oneAtATime.Dispose();
}
