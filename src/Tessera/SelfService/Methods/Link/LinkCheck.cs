// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;

namespace Tessera.SelfService.Methods.Link;

/// <summary>An opened link: either the answer that refuses it (a new flow saying why) or the identity it proves.</summary>
internal sealed record LinkCheck(IResult? Refusal, Identity? Identity);
