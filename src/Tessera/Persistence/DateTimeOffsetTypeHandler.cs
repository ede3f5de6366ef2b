// SPDX-License-Identifier: Apache-2.0
using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Tessera.Persistence;

/// <summary>
/// Instants as fixed-width UTC text in SQLite (<c>2026-11-22T10:00:00.0000000Z</c>, so text order is time order and
/// <c>expires_at &lt; @now</c> works), timestamptz in PostgreSQL. Always UTC.
/// </summary>
internal sealed class DateTimeOffsetTypeHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public const string SqliteFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        // PostgreSQL keeps microseconds; truncating for both dialects makes every round trip exact and alike.
        var utc = value.ToUniversalTime();
        utc = utc.AddTicks(-(utc.Ticks % 10));
        if (parameter is SqliteParameter)
        {
            parameter.DbType = DbType.String;
            parameter.Value = utc.ToString(SqliteFormat, CultureInfo.InvariantCulture);
        }
        else
        {
            parameter.DbType = DbType.DateTimeOffset;
            parameter.Value = utc;
        }
    }

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset dto => dto.ToUniversalTime(),
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => throw new DataException($"cannot read a {value.GetType().Name} as a timestamp"),
    };
}
