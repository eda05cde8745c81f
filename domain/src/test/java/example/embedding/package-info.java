/**
 * The program of docs/embedding.md: accessgate's domain embedded in a plain Java product,
 * outside accessgate's packages so that it can only use the published API.
 */
package example.embedding;
