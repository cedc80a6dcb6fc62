"""Filtered lists taken away: CSV and JSON Lines exports, streamed in bounded memory."""
