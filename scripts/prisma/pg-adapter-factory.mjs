// The driver adapter the wasm schema engine migrates through: @prisma/adapter-pg plus the fixes
// that migrations against Postgres 15 needed (checked with the versions in pinned-versions.mjs).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { PrismaPg } = require("@prisma/adapter-pg");
const { bindMigrationAwareSqlAdapterFactory } = require("@prisma/driver-adapter-utils");
const { parse: parseConnectionString } = require("pg-connection-string");
const PgResult = require("pg/lib/result.js");

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

// prisma/orm#27403: the engine's catalog queries return Postgres "char" columns (e.g. pg_class.relkind),
// which adapter-pg rejects as an unsupported type; they read correctly as text, so re-tag them.
const addFields = PgResult.prototype.addFields;
PgResult.prototype.addFields = function addFieldsWithCharAsText(fields) {
  for (const field of fields) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  return addFields.call(this, fields);
};

/**
 * Discrete pg connection fields, never `connectionString`: pg lets a connectionString override
 * `database`, so the shadow database below would silently become the main one.
 */
export function pgConfigFromUrl(url) {
  const { schema, ...config } = parseConnectionString(url);
  return { config, options: schema && schema !== "public" ? { schema } : undefined };
}

/**
 * adapter-pg's executeScript splits a script on every ";", which breaks dollar-quoted function bodies
 * in migrations; send it whole as one simple query, as the native engine does (one implicit transaction).
 */
async function connectPg(config, options) {
  const adapter = await new PrismaPg(config, options).connect();
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error); // rethrows as the adapter's typed error, which the engine reports by code
    }
  };
  return adapter;
}

class MigrationPgAdapterFactory {
  provider = "postgres";
  adapterName = "@prisma/adapter-pg";
  #url;
  #shadowUrl;

  constructor(url, shadowUrl) {
    this.#url = url;
    this.#shadowUrl = shadowUrl;
  }

  connect() {
    const { config, options } = pgConfigFromUrl(this.#url);
    return connectPg(config, options);
  }

  // adapter-pg drops its temporary shadow database while its own pool still holds connections to it
  // ("database … is being accessed by other users"): close that pool first, then drop.
  async connectToShadowDb() {
    if (this.#shadowUrl) {
      const { config, options } = pgConfigFromUrl(this.#shadowUrl);
      return connectPg(config, options);
    }
    const { config, options } = pgConfigFromUrl(this.#url);
    const main = await connectPg(config, options);
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await connectPg({ ...config, database }, options);
    const disposeShadowPool = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadowPool();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await main.dispose();
    };
    return shadow;
  }
}

/** The factory in the shape SchemaEngine.new expects: every call returns a Result, errors are registered. */
export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  return bindMigrationAwareSqlAdapterFactory(new MigrationPgAdapterFactory(url, shadowDatabaseUrl));
}
