// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;
using System.Reflection;
using System.Text;
using Dapper;

namespace Tessera.Identities;

/// <summary>
/// <c>INSERT INTO t (...) VALUES (...), (...), ...</c> for many rows in one round trip (chunked under both
/// dialects' parameter limits). Columns are snake_case names of the row class's properties; <c>suffix</c> is appended
/// to each statement (<c>ON CONFLICT DO NOTHING</c>).
/// </summary>
internal static class MultiRowInsert
{
    // SQLite looks named parameters up linearly, so very wide statements get quadratically slower; a few hundred per statement stays fast in both.
    private const int MaxParameters = 250;

    public static async Task ExecuteAsync<TRow>(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<TRow> rows, string? suffix = null)
    {
        var properties = typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var columns = string.Join(", ", properties.Select(p => Snake(p.Name)));
        var perChunk = Math.Max(1, MaxParameters / properties.Length);
        for (var start = 0; start < rows.Count; start += perChunk)
        {
            var sql = new StringBuilder($"INSERT INTO {table} ({columns}) VALUES ");
            var parameters = new DynamicParameters();
            var end = Math.Min(rows.Count, start + perChunk);
            for (var r = start; r < end; r++)
            {
                sql.Append(r == start ? "(" : ", (");
                for (var c = 0; c < properties.Length; c++)
                {
                    var name = $"p{r - start}_{c}";
                    parameters.Add(name, properties[c].GetValue(rows[r]));
                    sql.Append(c == 0 ? "@" : ", @").Append(name);
                }

                sql.Append(')');
            }

            if (suffix is not null)
            {
                sql.Append(' ').Append(suffix);
            }

            await connection.ExecuteAsync(sql.ToString(), parameters, transaction);
        }
    }

    private static string Snake(string name)
    {
        var builder = new StringBuilder();
        foreach (var ch in name)
        {
            if (char.IsUpper(ch) && builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(ch));
        }

        return builder.ToString();
    }
}
