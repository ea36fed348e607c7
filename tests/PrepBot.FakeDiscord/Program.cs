using System.Globalization;

namespace PrepBot.FakeDiscord;

/// <summary>Serves the fake Discord on loopback for manual runs: <c>dotnet run --project tests/PrepBot.FakeDiscord [-- --port 7878]</c>.</summary>
public static class Program
{
    public const int DefaultPort = 7878;

    public static async Task<int> Main(string[] args)
    {
        var port = DefaultPort;
        var portIndex = Array.IndexOf(args, "--port");
        if (portIndex >= 0 && (portIndex + 1 >= args.Length || !int.TryParse(args[portIndex + 1], CultureInfo.InvariantCulture, out port)))
        {
            await Console.Error.WriteLineAsync("--port needs a number (0 picks a free port).");
            return 2;
        }

        var options = new FakeDiscordOptions { Port = port, HandleConsoleSignals = true };
        await using var server = new FakeDiscordServer(options);
        await server.StartAsync();
        var guild = options.Guilds[0];
        Console.WriteLine($"""
            Fake Discord listening on {server.BaseUrl}
              REST     {server.ApiBaseUrl}
              Gateway  {server.GatewayUrl}
              Guild    {guild.Name} ({guild.Id}), channel #{guild.DefaultChannel.Name} ({guild.DefaultChannel.Id})

            Point the bot at it (another terminal):
              export PrepBot__Discord__Token='{server.Token}'
              export PrepBot__Discord__ApiBaseUrl='{server.ApiBaseUrl}'
              export PrepBot__Discord__GatewayUrl='{server.GatewayUrl}'
              dotnet run --project src/PrepBot

            Drive it:
              curl -s -XPOST {server.BaseUrl}_fake/interactions -d '{"{"}"command":"quiz"{"}"}'
              curl -s {server.BaseUrl}_fake/messages
            Ctrl+C stops.
            """);
        await server.WaitForShutdownAsync();
        return 0;
    }
}
