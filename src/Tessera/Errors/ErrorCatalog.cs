// SPDX-License-Identifier: Apache-2.0
using System.Reflection;

namespace Tessera.Errors;

/// <summary>
/// Every error the server can emit. Each domain adds its entries in a partial file of its own
/// (<c>ErrorCatalog.Http.cs</c>, <c>ErrorCatalog.Sessions.cs</c>, ...) as static read-only fields.
/// </summary>
internal static partial class ErrorCatalog
{
    private static readonly Lazy<IReadOnlyList<ErrorDescriptor>> AllEntries = new(() =>
        typeof(ErrorCatalog).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ErrorDescriptor))
            .Select(f => (ErrorDescriptor)f.GetValue(null)!)
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ToList());

    public static IReadOnlyList<ErrorDescriptor> All => AllEntries.Value;

    public static ErrorDescriptor? Find(string id) => All.FirstOrDefault(e => e.Id == id);
}
