using PrepBot.Hosting;

return await PrepBotApp.RunAsync(args).ConfigureAwait(false);
