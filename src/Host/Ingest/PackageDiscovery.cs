namespace CaseIngest.Host.Ingest;

/// <summary>Finds the packages under the paths given to <c>ingest</c>: a .zip is a package; a folder holding files
/// (other than zips) is a package; any other folder holds packages (its zips and subfolders, looked at the same way).</summary>
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
        if (files.Any(f => !IsZip(f)))
        {
            packages.Add(folder);
            return;
        }

        packages.AddRange(files.Order(StringComparer.Ordinal));
        foreach (var sub in Directory.EnumerateDirectories(folder).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            Collect(sub, packages);
        }
    }

    private static bool IsZip(string path) => path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
}
