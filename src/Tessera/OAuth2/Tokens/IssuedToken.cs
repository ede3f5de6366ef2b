// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Tokens;

/// <summary>A token just created: the value for the client (shown once) and the row that was or will be stored.</summary>
internal sealed record IssuedToken(string Value, StoredToken Stored);
