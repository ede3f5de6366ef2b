// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Reflection;

namespace Tessera.Persistence.Migrations;

/// <summary>The migrations embedded in the assembly for one dialect, in version order.</summary>
internal static class MigrationSource
{
    public static IReadOnlyList<Migration> For(SqlDialect dialect)
    {
        var folder = dialect == SqlDialect.Postgres ? "postgres" : "sqlite";
        var prefix = $"migrations/{folder}/";
        var assembly = typeof(MigrationSource).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var file = Path.GetFileNameWithoutExtension(resource[prefix.Length..]);
            var separator = file.IndexOf('_', StringComparison.Ordinal);
            var version = long.Parse(file[..separator], CultureInfo.InvariantCulture);
            migrations.Add(new Migration(version, file[(separator + 1)..], Read(assembly, resource)));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"two {folder} migrations share version {migrations[i].Version}");
            }
        }

        return migrations;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
