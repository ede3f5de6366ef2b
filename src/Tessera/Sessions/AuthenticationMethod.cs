// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Sessions;

/// <summary>One factor a session was authenticated with (Kratos's <c>sessionAuthenticationMethod</c>).</summary>
internal sealed record AuthenticationMethod(string Method, string Aal, DateTimeOffset CompletedAt);
