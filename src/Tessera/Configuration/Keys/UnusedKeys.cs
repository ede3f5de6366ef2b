// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Configuration.Keys;

/// <summary>
/// At start-up, the keys of the configuration files that nothing read, judged by <see cref="KeyTable"/>: accepted
/// ones pass silently, refused ones stop the start, the others are named in a warning.
/// </summary>
internal static partial class UnusedKeys
{
    public static void Report(ConfigurationTree config, ILogger logger)
    {
        foreach (var key in config.UnreadKeys())
        {
            var rule = KeyTable.Find(key);
            switch (rule?.Status)
            {
                case KeyStatus.Accepted:
                    break;
                case KeyStatus.Refused:
                    throw new ConfigurationException(key, $"is not supported by Tessera: {rule.Note}");
                case null:
                    LogUnknownKey(logger, key);
                    break;
                default:
                    LogIgnoredKey(logger, key);
                    break;
            }
        }

        foreach (var notice in config.Notices)
        {
            LogNotice(logger, notice.KeyPath, notice.Message);
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Configuration key {Key} is not supported by Tessera and is ignored")]
    private static partial void LogIgnoredKey(ILogger logger, string key);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Configuration key {Key}: {Notice}")]
    private static partial void LogNotice(ILogger logger, string key, string notice);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Configuration key {Key} is not a Kratos or Tessera key (a typo?) and is ignored")]
    private static partial void LogUnknownKey(ILogger logger, string key);
}
