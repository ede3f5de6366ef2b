// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;

namespace Tessera.SelfService.Methods.Link;

/// <summary>A link's token as used (<see cref="Use"/>) and, when it proved something, the identity it proved it for.</summary>
internal sealed record LinkOpened(LinkTokenUse Use, Identity? Identity);
