// SPDX-License-Identifier: Apache-2.0
using System.Globalization;

namespace Tessera.Cli;

/// <summary>How the commands' tables print a time: RFC 3339, UTC, to the second.</summary>
internal static class CliFormat
{
    public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
