// SPDX-License-Identifier: Apache-2.0
using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Tessera.Persistence;

/// <summary>UUIDs as canonical lower-case text in SQLite (so they compare and index as text), native uuid in PostgreSQL.</summary>
internal sealed class GuidTypeHandler : SqlMapper.TypeHandler<Guid>
{
    public override void SetValue(IDbDataParameter parameter, Guid value)
    {
        if (parameter is SqliteParameter)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("D");
        }
        else
        {
            parameter.DbType = DbType.Guid;
            parameter.Value = value;
        }
    }

    public override Guid Parse(object value) => value switch
    {
        Guid guid => guid,
        string text => Guid.Parse(text),
        byte[] bytes => new Guid(bytes),
        _ => throw new DataException($"cannot read a {value.GetType().Name} as a UUID"),
    };
}
