namespace CaseIngest.Messaging.Enqueue;

/// <summary>Expands what a user names on the command line into packages: a .zip is a package; a folder that holds
/// files is a package; a folder that holds only folders and .zip files is a folder of packages (a bulk export).</summary>
public static class PackagePaths
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
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
                var looseFiles = Directory.EnumerateFiles(full)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Any(f => !f.EndsWith(".zip", StringComparison.OrdinalIgnoreCase));
                if (looseFiles)
                {
                    packages.Add(full);
                }
                else
                {
                    packages.AddRange(Directory.EnumerateFileSystemEntries(full)
                        .Where(e => !Path.GetFileName(e).StartsWith('.'))
                        .Where(e => Directory.Exists(e) || e.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                        .Order(StringComparer.Ordinal));
                }
            }
            else
            {
                // Kept so the summary names it: copying it fails with "not found".
                packages.Add(full);
            }
        }

        return packages;
    }
}
