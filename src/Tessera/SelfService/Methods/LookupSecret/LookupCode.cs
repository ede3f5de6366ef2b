// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Methods.LookupSecret;

/// <summary>One backup code and when it was used (null: unused).</summary>
internal sealed record LookupCode(string Code, DateTimeOffset? UsedAt);
