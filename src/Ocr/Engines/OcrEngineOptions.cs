using System.ComponentModel.DataAnnotations;

namespace CaseIngest.Ocr.Engines;

/// <summary>Which OCR engine reads the scans.</summary>
public enum OcrEngineKind
{
    /// <summary>PP-OCRv4 (PaddleOCR's Chinese models) through ONNX Runtime: the more accurate on our scans.</summary>
    PaddleOcr,

    /// <summary>Tesseract 5 through libtesseract's C API.</summary>
    Tesseract,
}

/// <summary>The engine settings of a plugin that reads scans, bound from its own section (<c>Plugins:&lt;Name&gt;</c>),
/// so each plugin says how many lanes and threads its reading may take.</summary>
public class OcrEngineOptions
{
    public OcrEngineKind Engine { get; set; } = OcrEngineKind.PaddleOcr;

    /// <summary>Folder with the PP-OCRv4 models and dictionary; null = the first <c>.models</c> folder above the app.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Tesseract's tessdata folder; null = the library's compiled-in default.</summary>
    public string? TessdataPath { get; set; }

    [Required]
    public string Languages { get; set; } = "chi_sim+eng";

    /// <summary>Engines run at once (one per core); 0 = the number of cores.</summary>
    [Range(0, 64)]
    public int PoolSize { get; set; }

    /// <summary>ONNX Runtime intra-op threads per PP-OCR engine; 0 = cores divided by the pool size.</summary>
    [Range(0, 64)]
    public int IntraOpThreads { get; set; }

    /// <summary>OpenMP threads per Tesseract engine; more than 1 thrashes when engines already run one per core.</summary>
    [Range(1, 64)]
    public int TesseractThreads { get; set; } = 1;

    /// <summary>Whether a reading waits for one of the machine's lanes, shared by every CaseIngest process of this user
    /// (<see cref="CaseIngest.Lanes.MachineLanes"/>): with several workers on one machine the cores, not the processes, set how
    /// many pages are read at once.</summary>
    public bool ShareMachineLanes { get; set; } = true;

    /// <summary>Pages read at once on the whole machine when <see cref="ShareMachineLanes"/>; 0 = the number of cores.</summary>
    [Range(0, 64)]
    public int MachineLanes { get; set; }

    /// <summary>Folder of the machine lanes' lock files; null = one per user in the temporary folder. Processes share
    /// lanes only through the same folder.</summary>
    public string? MachineLanesFolder { get; set; }

    /// <summary>PP-OCR detection input's longer side in pixels (rounded to 32) when a whole page is read.</summary>
    [Range(320, 4096)]
    public int DetectionMaxSide { get; set; } = 1600;

    /// <summary>PP-OCR: the process's resident memory, in MiB, from which each run hands ONNX Runtime's arena back to
    /// the system when it ends; below it the arena keeps its blocks for the next run, which then need not fault its
    /// tensors in again. 0 = every run hands them back (the lowest memory; 43–52 % more CPU in `ingest` of 60 packages
    /// on 4 KiB pages, none to speak of on huge pages). Unset = 0 when glibc puts large blocks on transparent huge
    /// pages (<c>GLIBC_TUNABLES=glibc.malloc.hugetlb=1</c>, as <c>scripts/caseingest-env.sh</c> sets), 450 otherwise.</summary>
    [Range(0, 1 << 20)]
    public int? ArenaBudgetMiB { get; set; }
}
