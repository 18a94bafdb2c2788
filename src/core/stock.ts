// The stock-text table shipped with Reprint Lens (assets/stock/zh-news.json, compiled by
// scripts/build-stock-table.mjs from 9,804 real CCTV 新闻联播 and 人民日报 articles): the
// 10-character windows found in at least 4 of them. Four, because one wire story is often carried
// by two or three outlets (a real version, whose text must stay evidence), while text that four
// unrelated articles carry is a formulation or a template. Decoded once, on first use.
import data from '../../assets/stock/zh-news.json';
import { decodeStockTable, type StockTable } from './stock-table';

let table: StockTable | null = null;

export function zhNewsStock(): StockTable {
  table ??= decodeStockTable(data.data);
  return table;
}
