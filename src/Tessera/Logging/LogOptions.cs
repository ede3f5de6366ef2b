// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Logging;

/// <summary><c>log.level</c> and <c>log.format</c> (<c>text</c> or <c>json</c>), as Kratos names them.</summary>
internal sealed record LogOptions(LogLevel Level, bool Json)
{
    private static readonly Dictionary<string, LogLevel> Levels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trace"] = LogLevel.Trace, ["debug"] = LogLevel.Debug, ["info"] = LogLevel.Information,
        ["warning"] = LogLevel.Warning, ["error"] = LogLevel.Error, ["fatal"] = LogLevel.Critical,
        ["panic"] = LogLevel.Critical,
    };

    private static readonly Dictionary<string, bool> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text"] = false, ["json"] = true,
    };

    public static LogOptions Bind(ConfigurationTree config) => new(
        config.GetEnum("log.level", LogLevel.Information, Levels),
        config.GetEnum("log.format", false, Formats));
}
