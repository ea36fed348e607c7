#!/usr/bin/env bash
# Re-creates PrepBot's PostgreSQL migration from the current model (the SQLite migrations are not touched).
#
# PostgreSQL keeps its own migrations of the same model (src/PrepBot/Data/Migrations/Postgres, on PostgresPrepBotDbContext).
# Until a PostgreSQL deployment exists they are ONE initial migration, made again whenever the model changes:
#   tools/postgres-migration.sh            delete Data/Migrations/Postgres and make InitialCreate from the model
# Once PostgreSQL databases are in use, stop re-creating: add a migration per change instead, as for SQLite:
#   dotnet ef migrations add <Name> --project src/PrepBot --context PostgresPrepBotDbContext --output-dir Data/Migrations/Postgres
# Needs dotnet-ef 10.0.15 (dotnet tool install --global dotnet-ef --version 10.0.15); connects to no database.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$HOME/.dotnet/tools"
rm -rf src/PrepBot/Data/Migrations/Postgres
dotnet ef migrations add InitialCreate --project src/PrepBot --context PostgresPrepBotDbContext \
  --output-dir Data/Migrations/Postgres
