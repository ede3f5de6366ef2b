// SPDX-License-Identifier: Apache-2.0
using System.Reflection;

namespace Tessera.Health;

/// <summary>The version this build reports (<c>GET /version</c>, <c>tessera version</c>).</summary>
internal static class TesseraVersion
{
    public static string Current { get; } =
        typeof(TesseraVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
