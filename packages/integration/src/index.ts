// @parlab/integration has no library code: its tests cover the packages together (README examples, packing).
