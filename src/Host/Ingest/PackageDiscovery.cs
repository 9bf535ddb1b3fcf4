namespace CaseIngest.Host.Ingest;

/// <summary>Finds the packages under the paths given to <c>ingest</c> and <c>enqueue</c>: a .zip is a package; a folder
/// holding files (other than zips) is a package, and so is an empty folder (nothing but hidden files); any other folder
/// holds packages (its zips and subfolders, looked at the same way).</summary>
public static class PackageDiscovery
{
    public static IReadOnlyList<string> Find(IEnumerable<string> paths)
    {
        var packages = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (File.Exists(full))
            {
                packages.Add(full);
            }
            else if (Directory.Exists(full))
            {
                Collect(full, packages);
            }
            else
            {
                throw new FileNotFoundException($"No such file or folder: {path}", path);
            }
        }

        return packages.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Collect(string folder, List<string> packages)
    {
        var files = Directory.EnumerateFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.')).ToList();
        var subfolders = Directory.EnumerateDirectories(folder).Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal).ToList();
        // An empty folder is a package too: one whose documents are all missing must end as a rejected record
        // (missing_document), not vanish from a bulk export without a trace.
        if (files.Any(f => !IsZip(f)) || (files.Count == 0 && subfolders.Count == 0))
        {
            packages.Add(folder);
            return;
        }

        packages.AddRange(files.Order(StringComparer.Ordinal));
        foreach (var sub in subfolders)
        {
            Collect(sub, packages);
        }
    }

    private static bool IsZip(string path) => path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
}
