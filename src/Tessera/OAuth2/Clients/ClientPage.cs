// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Clients;

/// <summary>A page of clients; <see cref="Next"/> is where the next page starts, null on the last page.</summary>
internal sealed record ClientPage(IReadOnlyList<OAuth2Client> Items, ClientPosition? Next);
