/** Injection tokens of catalog-sync's sync module. */
export const CATALOG_DB = Symbol('CatalogDb');
export const SUPPLIER_SOURCES = Symbol('SupplierSources');
