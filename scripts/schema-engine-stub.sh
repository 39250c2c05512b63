#!/bin/sh
# Stands in for Prisma's schema engine so that `prisma generate` runs offline.
echo "schema-engine-cli 0.0.0-offline-stub"
