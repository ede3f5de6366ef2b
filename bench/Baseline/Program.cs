// SPDX-License-Identifier: Apache-2.0
// The baseline for bench/run.sh: Kestrel on loopback answering one small JSON object, with logging off, so every
// Tessera figure can be read as a fraction of what this machine can do at all.
var port = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5000;
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
var app = builder.Build();
app.MapGet("/json", () => Results.Json(new { status = "ok", active = true }));
await app.RunAsync();
