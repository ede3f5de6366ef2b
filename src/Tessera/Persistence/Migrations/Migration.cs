// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Persistence.Migrations;

/// <summary>One versioned SQL script for one dialect, embedded as <c>migrations/&lt;dialect&gt;/&lt;version&gt;_&lt;name&gt;.sql</c>.</summary>
internal sealed record Migration(long Version, string Name, string Sql);
