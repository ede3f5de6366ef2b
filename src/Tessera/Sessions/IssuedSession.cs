// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Sessions;

/// <summary>A new session with its secrets, which exist only here: the store keeps their hashes.</summary>
internal sealed record IssuedSession(Session Session, string Token, string LogoutToken);
