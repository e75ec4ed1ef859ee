// Writes the structure's index into the integer ID buffer used for picking.
out int structureIdOut;
uniform int structureId;

void main() { structureIdOut = structureId; }
