namespace CaseIngest.Plugins.FormFields;

/// <summary>Settings of the form plugin, bound from <c>Plugins:FormFields</c>.</summary>
public sealed class FormFieldsOptions
{
    public const string SectionName = "Plugins:FormFields";

    /// <summary>Read a form sent as a text PDF (exported from Word/WPS). Off: such a form is reported as unsupported.</summary>
    public bool ReadPdf { get; set; } = true;

    /// <summary>Files above this size are not opened (a form is tens of kilobytes; this guards against bombs).</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>A .docx whose parts expand beyond this is refused before it is parsed (zip bombs).</summary>
    public long MaxExpandedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>How many of the form's blocks (案例名称, 案例类型, 指标, 联系人, 创造人, 意见…) a document must show to be taken
    /// for the form. Four keeps a report that quotes 案例名称 from being read as a form.</summary>
    public int MinimumBlocks { get; set; } = 4;

    /// <summary>Null when valid, else why not.</summary>
    public string? Validate() =>
        MaxFileBytes <= 0 || MaxExpandedBytes <= 0 ? "Plugins:FormFields:MaxFileBytes and MaxExpandedBytes must be positive"
        : MinimumBlocks is < 2 or > 10 ? "Plugins:FormFields:MinimumBlocks must be between 2 and 10"
        : null;
}
