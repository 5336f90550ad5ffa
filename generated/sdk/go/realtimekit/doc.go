// Cloudflare RealtimeKit meetings and participants, with secret join tokens.
package realtimekit
