// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Npgsql;
using Tessera.Configuration;

namespace Tessera.Persistence;

/// <summary>
/// A <c>postgres://</c> DSN as Kratos (pop/pgx) reads it, turned into an Npgsql connection string. Every database
/// call gets a deadline, so a stopped or frozen server costs a request seconds, not minutes:
/// <list type="bullet">
/// <item><c>connect_timeout</c> (seconds, default 5): opening a connection, and waiting for a free pooled one.</item>
/// <item><c>statement_timeout</c> (milliseconds or a duration such as <c>10s</c>, default 10s, <c>0</c> = none):
/// PostgreSQL cancels a longer statement itself (the connection stays usable); the client gives up
/// <see cref="ClientMargin"/> later, for a server that does not answer at all (frozen, partitioned).</item>
/// <item><c>pool_max_conns</c> / <c>max_conns</c>, <c>pool_min_conns</c> / <c>min_conns</c>,
/// <c>pool_max_conn_lifetime</c> / <c>max_conn_lifetime</c>, <c>pool_max_conn_idle_time</c> / <c>max_conn_idle_time</c>:
/// the pool. <c>max_idle_conns</c> is accepted and checked but has no Npgsql equivalent (idle connections above the
/// minimum close after the idle time).</item>
/// <item><c>sslmode</c>, <c>application_name</c>. Other parameters are ignored, as before.</item>
/// </list>
/// </summary>
internal static class PostgresDsn
{
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultStatementTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan ClientMargin = TimeSpan.FromSeconds(2);

    public static string ConnectionString(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ConfigurationException("dsn", "not a valid postgres:// URL (postgres://user:password@host:port/database)");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            Timeout = (int)DefaultConnectTimeout.TotalSeconds,

            // After a client-side timeout Npgsql asks the server to cancel and waits this long for it: a frozen
            // server never answers, so keep the wait short (the connection is then dropped from the pool).
            CancellationTimeout = 1000,
        };
        if (uri.UserInfo.Length > 0)
        {
            var userInfo = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
            if (userInfo.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(userInfo[1]);
            }
        }

        var statementTimeout = DefaultStatementTimeout;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
            switch (kv[0])
            {
                case "sslmode":
                    builder.SslMode = SslModeOf(value);
                    break;
                case "connect_timeout":
                    builder.Timeout = Number(kv[0], value, 1, 1024);
                    break;
                case "statement_timeout":
                    statementTimeout = Milliseconds(kv[0], value);
                    break;
                case "pool_max_conns" or "max_conns":
                    builder.MaxPoolSize = Number(kv[0], value, 1, 10_000);
                    break;
                case "pool_min_conns" or "min_conns":
                    builder.MinPoolSize = Number(kv[0], value, 0, 10_000);
                    break;
                case "pool_max_conn_lifetime" or "max_conn_lifetime":
                    builder.ConnectionLifetime = Seconds(kv[0], value);
                    break;
                case "pool_max_conn_idle_time" or "max_conn_idle_time":
                    builder.ConnectionIdleLifetime = Math.Max(1, Seconds(kv[0], value));
                    break;
                case "max_idle_conns":
                    Number(kv[0], value, 0, 10_000);
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                default:
                    break; // Other pgx/pop parameters have no Npgsql equivalent.
            }
        }

        if (builder.MinPoolSize > builder.MaxPoolSize)
        {
            throw new ConfigurationException("dsn", $"pool_min_conns ({builder.MinPoolSize}) exceeds pool_max_conns ({builder.MaxPoolSize})");
        }

        if (statementTimeout > TimeSpan.Zero)
        {
            builder.Options = $"-c statement_timeout={(long)statementTimeout.TotalMilliseconds}";
            builder.CommandTimeout = (int)Math.Ceiling((statementTimeout + ClientMargin).TotalSeconds);
        }
        else
        {
            builder.CommandTimeout = 0;
        }

        if (string.IsNullOrEmpty(builder.Database))
        {
            throw new ConfigurationException("dsn", "the postgres URL needs a database name after the host");
        }

        return builder.ToString();
    }

    private static SslMode SslModeOf(string value) => value switch
    {
        "disable" => SslMode.Disable,
        "allow" => SslMode.Allow,
        "prefer" => SslMode.Prefer,
        "require" => SslMode.Require,
        "verify-ca" => SslMode.VerifyCA,
        "verify-full" => SslMode.VerifyFull,
        _ => throw new ConfigurationException("dsn", $"unknown sslmode \"{value}\""),
    };

    private static int Number(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ConfigurationException("dsn", $"{name} must be a whole number from {min} to {max}, got \"{value}\"");

    /// <summary>PostgreSQL's own form: a bare number is milliseconds; Go durations (<c>10s</c>, <c>500ms</c>) also work.</summary>
    private static TimeSpan Milliseconds(string name, string value)
    {
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms <= int.MaxValue)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        return GoDuration.TryParse(value, out var duration) && duration >= TimeSpan.Zero && duration.TotalMilliseconds <= int.MaxValue
            ? duration
            : throw new ConfigurationException("dsn", $"{name} must be milliseconds or a duration such as 10s, got \"{value}\"");
    }

    /// <summary>pgx's form: a Go duration (<c>1h</c>, <c>30m</c>); a bare number is taken as seconds.</summary>
    private static int Seconds(string name, string value)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds;
        }

        return GoDuration.TryParse(value, out var duration) && duration >= TimeSpan.Zero && duration.TotalSeconds <= int.MaxValue
            ? (int)duration.TotalSeconds
            : throw new ConfigurationException("dsn", $"{name} must be a duration such as 1h or 30m, got \"{value}\"");
    }
}
